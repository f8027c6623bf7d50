import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6037:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createFilteredWriter = exports.filterExternalOutput = exports.createExternalOutputStream = exports.ExternalOutputStream = exports.MarkerFilter = exports.defaultAllowedVsoCommands = void 0;
var stream = __nccwpck_require__(2203);
var im = __nccwpck_require__(8202);
//
// External output filtering.
//
// Azure Pipelines treats a task's stdout both as log text and as a command channel:
// a line containing the marker "##vso[area.event ...]data" is parsed and executed by the
// agent. When a task echoes output that originates from an untrusted source (a remote
// server, a child process, a repository filename, compiler/test output, ...), that source
// can smuggle a "##vso[" marker and make the agent run a command on its behalf.
//
// This module neutralizes markers in such external output before it reaches the agent's
// command parser. By default every marker is blocked (rewritten "##vso[" -> "##_vso[").
// A task may opt a compatibility-sensitive path into a small, explicit allowlist of
// command names; unknown, malformed, or future commands stay blocked.
//
// The filter works on raw bytes (Buffer) so it never corrupts invalid UTF-8, binary
// output, or multibyte characters split across chunk boundaries. It matches the marker
// byte-for-byte, mirroring the agent's Ordinal comparison, so the two agree exactly on
// what a marker is.
//
/** The exact marker bytes the agent recognizes as the start of a command: "##vso[". */
var MARKER = Buffer.from('##vso[', 'ascii');
/** Neutralized form written in place of a blocked marker: "##_vso[". */
var NEUTRALIZED = Buffer.from('##_vso[', 'ascii');
var EMPTY = Buffer.alloc(0);
var SPACE = 0x20;
var RBRACKET = 0x5D; // ]
var CR = 0x0D;
var LF = 0x0A;
// Maximum command-name bytes retained while waiting for a terminator.
var MAX_HEADER = 256;
/** Commands allowed by default once VSO commands are enabled for a path. */
exports.defaultAllowedVsoCommands = Object.freeze(['task.debug', 'task.setprogress']);
function resolveAllowed(options) {
    if (!options.enableVsoCommands) {
        return new Set();
    }
    var list = options.allowedVsoCommands !== undefined
        ? options.allowedVsoCommands
        : exports.defaultAllowedVsoCommands;
    // Command-name comparison is case-insensitive to match the agent's command lookup.
    return new Set(list.map(function (c) { return c.toLowerCase(); }));
}
/**
 * Normalizes a raw command-name token to the agent's canonical "area.event" form, or null
 * when it is not a valid command name. Mirrors the agent's Split('.', RemoveEmptyEntries)
 * with a required length of exactly two non-empty segments.
 */
function canonicalCommandName(raw) {
    var parts = raw.split('.').filter(function (p) { return p.length > 0; });
    if (parts.length !== 2) {
        return null;
    }
    return (parts[0] + '.' + parts[1]).toLowerCase();
}
/** Returns the longest suffix of buf that is a proper marker prefix. */
function partialMarkerSuffixLength(buf) {
    var max = Math.min(MARKER.length - 1, buf.length);
    for (var k = max; k >= 1; k--) {
        if (buf.compare(MARKER, 0, k, buf.length - k, buf.length) === 0) {
            return k;
        }
    }
    return 0;
}
/**
 * Locates the end of a command-name header that starts at `start` (the byte after a marker).
 * The name ends at the first space or ']'. A CR or LF is also reported as a terminator with
 * newline=true so the caller can fail closed. Scans at most MAX_HEADER bytes; term is -1 when
 * no terminator is found within that bound (or before the buffer ends).
 */
function scanHeader(buf, start) {
    var limit = Math.min(buf.length, start + MAX_HEADER);
    for (var k = start; k < limit; k++) {
        var b = buf[k];
        if (b === SPACE || b === RBRACKET) {
            return { term: k, newline: false };
        }
        if (b === CR || b === LF) {
            return { term: k, newline: true };
        }
    }
    return { term: -1, newline: false };
}
/**
 * Stateful, byte-level marker filter. Feed bytes with push() and finish with flush().
 * Retains only the minimal bytes needed to resolve a marker that straddles a chunk
 * boundary, so memory stays bounded regardless of input size.
 */
var MarkerFilter = /** @class */ (function () {
    function MarkerFilter(enabled, allowed) {
        this.enabled = enabled;
        this.allowed = allowed;
        this.pending = EMPTY;
    }
    MarkerFilter.prototype.push = function (chunk) {
        var buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = EMPTY;
        var out = [];
        var pos = 0;
        while (pos < buf.length) {
            var idx = buf.indexOf(MARKER, pos);
            if (idx === -1) {
                // No complete marker remains. Retain a possible partial marker at the tail so
                // it can be completed by the next chunk; emit everything before it.
                var keep = Math.min(partialMarkerSuffixLength(buf), buf.length - pos);
                var emitEnd = buf.length - keep;
                if (emitEnd > pos) {
                    out.push(pos === 0 && emitEnd === buf.length ? buf : buf.subarray(pos, emitEnd));
                }
                this.pending = keep ? buf.subarray(buf.length - keep) : EMPTY;
                break;
            }
            if (idx > pos) {
                out.push(buf.subarray(pos, idx));
            }
            var afterMarker = idx + MARKER.length;
            if (!this.enabled) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            // Enabled: read the command name (up to the first space or ']') and allow the marker
            // only when that name is allowlisted.
            var _a = scanHeader(buf, afterMarker), term = _a.term, newline = _a.newline;
            if (term === -1) {
                if (buf.length - afterMarker >= MAX_HEADER) {
                    // No terminator within the bound: fail closed.
                    out.push(NEUTRALIZED);
                    pos = afterMarker;
                    continue;
                }
                // Header may complete in a later chunk; retain from the marker start.
                this.pending = buf.subarray(idx);
                break;
            }
            // A CR/LF before the terminator means the agent (which parses per line) would never
            // treat this as a command, so we fail closed and neutralize.
            if (newline) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            var name_1 = canonicalCommandName(buf.toString('utf8', afterMarker, term));
            // Allowlisted markers pass unchanged; the header/data after them flow through as
            // ordinary bytes and any later markers are evaluated independently.
            out.push(name_1 && this.allowed.has(name_1) ? MARKER : NEUTRALIZED);
            pos = afterMarker;
        }
        if (out.length === 0) {
            return EMPTY;
        }
        if (out.length === 1) {
            var only = out[0];
            // Never expose module-level buffers that callers could mutate globally.
            return only === NEUTRALIZED || only === MARKER ? Buffer.from(only) : only;
        }
        return Buffer.concat(out);
    };
    MarkerFilter.prototype.flush = function () {
        var p = this.pending;
        this.pending = EMPTY;
        if (p.length === 0) {
            return EMPTY;
        }
        // An incomplete command candidate that begins with the full marker is neutralized.
        if (this.enabled && p.length >= MARKER.length && p.subarray(0, MARKER.length).equals(MARKER)) {
            return Buffer.concat([NEUTRALIZED, p.subarray(MARKER.length)]);
        }
        // A partial marker (fewer than the full bytes) cannot be executed by the agent, so it
        // is safe to emit unchanged.
        return p;
    };
    return MarkerFilter;
}());
exports.MarkerFilter = MarkerFilter;
/**
 * A Transform stream that neutralizes VSO command markers in external output. Pipe untrusted
 * output into it; it writes filtered bytes to its readable side (and, via
 * createExternalOutputStream, on to the destination).
 */
var ExternalOutputStream = /** @class */ (function (_super) {
    __extends(ExternalOutputStream, _super);
    function ExternalOutputStream(options) {
        var _this = _super.call(this) || this;
        _this.markerFilter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
        return _this;
    }
    ExternalOutputStream.prototype._transform = function (chunk, _encoding, callback) {
        try {
            var buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
            var out = this.markerFilter.push(buf);
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            // Fail closed: never recover by emitting the original marker.
            callback(err);
        }
    };
    ExternalOutputStream.prototype._flush = function (callback) {
        try {
            var out = this.markerFilter.flush();
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            callback(err);
        }
    };
    return ExternalOutputStream;
}(stream.Transform));
exports.ExternalOutputStream = ExternalOutputStream;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output into the returned stream, e.g.
 * `jenkinsResponse.pipe(tl.createExternalOutputStream({ source: 'remote' }))`.
 */
function createExternalOutputStream(options) {
    var filterStream = new ExternalOutputStream(options);
    var destination = options.destination || process.stdout;
    // Do not end the shared destination (e.g. process.stdout) when the source ends.
    filterStream.pipe(destination, { end: false });
    return filterStream;
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters one complete value for internal task-lib consumers. */
function filterExternalOutput(data, options) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
    var filtered = filter.push(buf);
    var pending = filter.flush();
    return pending.length ? Buffer.concat([filtered, pending]) : filtered;
}
exports.filterExternalOutput = filterExternalOutput;
/** Creates a stateful writer for internal consumers that receive output in chunks. */
function createFilteredWriter(options, destination) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var ended = false;
    return {
        write: function (data) {
            if (ended) {
                throw new Error('Cannot write after end');
            }
            var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
            var filtered = filter.push(buf);
            if (filtered.length) {
                destination.write(filtered);
            }
        },
        end: function () {
            if (ended) {
                return;
            }
            ended = true;
            var pending = filter.flush();
            if (pending.length) {
                destination.write(pending);
            }
        }
    };
}
exports.createFilteredWriter = createFilteredWriter;
/** Filters external output before writing it or submitting it through a task-lib logger. */
function logExternalOutput(message, options) {
    var filtered = filterExternalOutput(message, options);
    switch (options.type) {
        case 'raw':
            var destination = options.destination || process.stdout;
            destination.write(filtered);
            break;
        case 'debug':
            im._debug(filtered.toString('utf8'));
            break;
        case 'warning':
            im._warning(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
        case 'error':
            im._error(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
    }
}
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'raw' }));
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the task-lib debug logger. */
function debugExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'debug' }));
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the task-lib warning logger. */
function warningExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'warning' }));
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the task-lib error logger. */
function errorExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'error' }));
}
exports.errorExternalOutput = errorExternalOutput;


/***/ }),

/***/ 8202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


var _a, _b;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isSigPipeError = exports._exposeCertSettings = exports._exposeProxySettings = exports._normalizeSeparators = exports._isRooted = exports._getDirectoryName = exports._ensureRooted = exports._isUncPath = exports._loadData = exports._ensurePatternRooted = exports._getFindInfoFromPattern = exports._cloneMatchOptions = exports._legacyFindFiles_convertPatternToRegExp = exports._which = exports._checkPath = exports._exist = exports._debug = exports._error = exports._warning = exports._command = exports._getVariableKey = exports._getVariable = exports._loc = exports._setResourcePath = exports._setErrStream = exports._setStdStream = exports._writeLine = exports._truncateBeforeSensitiveKeyword = exports._endsWith = exports._startsWith = exports.IssueAuditAction = exports.IssueSource = exports._vault = exports._knownVariableMap = void 0;
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(3772);
var util = __nccwpck_require__(9023);
var tcm = __nccwpck_require__(8373);
var vm = __nccwpck_require__(4059);
var semver = __nccwpck_require__(9318);
var crypto = __nccwpck_require__(6982);
var libResource = __nccwpck_require__(7137);
/**
 * Hash table of known variable info. The formatted env var name is the lookup key.
 *
 * The purpose of this hash table is to keep track of known variables. The hash table
 * needs to be maintained for multiple reasons:
 *  1) to distinguish between env vars and job vars
 *  2) to distinguish between secret vars and public
 *  3) to know the real variable name and not just the formatted env var name.
 */
exports._knownVariableMap = {};
var _commandCorrelationId;
//-----------------------------------------------------
// Enums
//-----------------------------------------------------
var IssueSource;
(function (IssueSource) {
    IssueSource["CustomerScript"] = "CustomerScript";
    IssueSource["TaskInternal"] = "TaskInternal";
})(IssueSource = exports.IssueSource || (exports.IssueSource = {}));
var IssueAuditAction;
(function (IssueAuditAction) {
    IssueAuditAction[IssueAuditAction["Unknown"] = 0] = "Unknown";
    IssueAuditAction[IssueAuditAction["ShellTasksValidation"] = 1] = "ShellTasksValidation";
})(IssueAuditAction = exports.IssueAuditAction || (exports.IssueAuditAction = {}));
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    _warning('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', IssueSource.TaskInternal);
}
//-----------------------------------------------------
// String convenience
//-----------------------------------------------------
function _startsWith(str, start) {
    return str.slice(0, start.length) == start;
}
exports._startsWith = _startsWith;
function _endsWith(str, end) {
    return str.slice(-end.length) == end;
}
exports._endsWith = _endsWith;
function _truncateBeforeSensitiveKeyword(str, sensitiveKeywordsPattern) {
    if (!str) {
        return str;
    }
    var index = str.search(sensitiveKeywordsPattern);
    if (index <= 0) {
        return str;
    }
    return "".concat(str.substring(0, index), "...");
}
exports._truncateBeforeSensitiveKeyword = _truncateBeforeSensitiveKeyword;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
var _outStream = process.stdout;
var _errStream = process.stderr;
function _writeLine(str) {
    _outStream.write(str + os.EOL);
}
exports._writeLine = _writeLine;
function _setStdStream(stdStream) {
    _outStream = stdStream;
}
exports._setStdStream = _setStdStream;
function _setErrStream(errStream) {
    _errStream = errStream;
}
exports._setErrStream = _setErrStream;
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
var _locStringCache = {};
var _resourceFiles = {};
var _libResourceFileLoaded = false;
var _resourceCulture = 'en-US';
function _getLocStrings(resourceJson, locResourceJson) {
    var locStrings = {};
    if (resourceJson && resourceJson.hasOwnProperty('messages')) {
        for (var key in resourceJson.messages) {
            if (locResourceJson && locResourceJson.hasOwnProperty('loc.messages.' + key)) {
                locStrings[key] = locResourceJson['loc.messages.' + key];
            }
            else {
                locStrings[key] = resourceJson.messages[key];
            }
        }
    }
    return locStrings;
}
function _loadResJson(resjsonFile) {
    var resJson;
    if (_exist(resjsonFile)) {
        var resjsonContent = fs.readFileSync(resjsonFile, 'utf8').toString();
        // remove BOM
        if (resjsonContent.indexOf('\uFEFF') == 0) {
            resjsonContent = resjsonContent.slice(1);
        }
        try {
            resJson = JSON.parse(resjsonContent);
        }
        catch (err) {
            _debug('unable to parse resjson with err: ' + err.message);
        }
    }
    else {
        _debug('.resjson file not found: ' + resjsonFile);
    }
    return resJson;
}
function _loadLocStrings(resourceFile, culture) {
    var locStrings = {};
    if (_exist(resourceFile)) {
        var resourceJson = __WEBPACK_EXTERNAL_createRequire(import.meta.url)(resourceFile);
        if (resourceJson && resourceJson.hasOwnProperty('messages')) {
            var locResourceJson;
            // load up resource resjson for different culture
            var localizedResourceFile = path.join(path.dirname(resourceFile), 'Strings', 'resources.resjson');
            var upperCulture = culture.toUpperCase();
            var cultures = [];
            try {
                cultures = fs.readdirSync(localizedResourceFile);
            }
            catch (ex) { }
            for (var i = 0; i < cultures.length; i++) {
                if (cultures[i].toUpperCase() == upperCulture) {
                    localizedResourceFile = path.join(localizedResourceFile, cultures[i], 'resources.resjson');
                    if (_exist(localizedResourceFile)) {
                        locResourceJson = _loadResJson(localizedResourceFile);
                    }
                    break;
                }
            }
            locStrings = _getLocStrings(resourceJson, locResourceJson);
        }
    }
    else {
        _warning('LIB_ResourceFile does not exist', IssueSource.TaskInternal);
    }
    return locStrings;
}
function _loadEmbeddedLocStrings(resourceData, culture) {
    var localizedResource;
    var upperCulture = culture.toUpperCase();
    var localizedResources = resourceData.localizedMessages || {};
    for (var localizedCulture in localizedResources) {
        if (localizedCulture.toUpperCase() == upperCulture) {
            localizedResource = localizedResources[localizedCulture];
            break;
        }
    }
    return _getLocStrings(resourceData, localizedResource);
}
/**
 * Sets the location of the resources json.  This is typically the task.json file.
 * Call once at the beginning of the script before any calls to loc.
 * @param     path      Full path to the json.
 * @param     ignoreWarnings  Won't throw warnings if path already set.
 * @returns   void
 */
function _setResourcePath(path, ignoreWarnings) {
    if (ignoreWarnings === void 0) { ignoreWarnings = false; }
    if (process.env['TASKLIB_INPROC_UNITS']) {
        _resourceFiles = {};
        _libResourceFileLoaded = false;
        _locStringCache = {};
        _resourceCulture = 'en-US';
    }
    if (!_resourceFiles[path]) {
        _checkPath(path, 'resource file path');
        _resourceFiles[path] = path;
        _debug('adding resource file: ' + path);
        _resourceCulture = _getVariable('system.culture') || _resourceCulture;
        var locStrs = _loadLocStrings(path, _resourceCulture);
        for (var key in locStrs) {
            //cache loc string
            _locStringCache[key] = locStrs[key];
        }
    }
    else {
        if (ignoreWarnings) {
        }
        else {
            _warning(_loc('LIB_ResourceFileAlreadySet', path), IssueSource.TaskInternal);
        }
    }
}
exports._setResourcePath = _setResourcePath;
/**
 * Gets the localized string from the json resource file.  Optionally formats with additional params.
 *
 * @param     key      key of the resources string in the resource file
 * @param     param    additional params for formatting the string
 * @returns   string
 */
function _loc(key) {
    var param = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        param[_i - 1] = arguments[_i];
    }
    if (!_libResourceFileLoaded) {
        // merge loc strings from azure-pipelines-task-lib.
        var libLocStrs = _loadEmbeddedLocStrings(libResource, _resourceCulture);
        for (var libKey in libLocStrs) {
            //cache azure-pipelines-task-lib loc string
            _locStringCache[libKey] = libLocStrs[libKey];
        }
        _libResourceFileLoaded = true;
    }
    var locString;
    ;
    if (_locStringCache.hasOwnProperty(key)) {
        locString = _locStringCache[key];
    }
    else {
        if (Object.keys(_resourceFiles).length <= 0) {
            _warning("Resource file haven't been set, can't find loc string for key: ".concat(key), IssueSource.TaskInternal);
        }
        else {
            _warning("Can't find loc string for key: ".concat(key));
        }
        locString = key;
    }
    if (param.length > 0) {
        return util.format.apply(this, [locString].concat(param));
    }
    else {
        return locString;
    }
}
exports._loc = _loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is defined on the build/release definition or set at runtime.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function _getVariable(name) {
    var varval;
    // get the metadata
    var info;
    var key = _getVariableKey(name);
    if (exports._knownVariableMap.hasOwnProperty(key)) {
        info = exports._knownVariableMap[key];
    }
    if (info && info.secret) {
        // get the secret value
        varval = exports._vault.retrieveSecret('SECRET_' + key);
    }
    else {
        // get the public value
        varval = process.env[key];
        // fallback for pre 2.104.1 agent
        if (!varval && name.toUpperCase() == 'AGENT.JOBSTATUS') {
            varval = process.env['agent.jobstatus'];
        }
    }
    _debug(name + '=' + varval);
    return varval;
}
exports._getVariable = _getVariable;
function _getVariableKey(name) {
    if (!name) {
        throw new Error(_loc('LIB_ParameterIsRequired', 'name'));
    }
    return name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
}
exports._getVariableKey = _getVariableKey;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
function _command(command, properties, message) {
    var taskCmd = new tcm.TaskCommand(command, properties, message);
    _writeLine(taskCmd.toString());
}
exports._command = _command;
function _warning(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'warning',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._warning = _warning;
function _error(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'error',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._error = _error;
var debugMode = ((_a = _getVariable('system.debug')) === null || _a === void 0 ? void 0 : _a.toLowerCase()) === 'true';
var shouldCheckDebugMode = ((_b = _getVariable('DistributedTask.Tasks.Node.SkipDebugLogsWhenDebugModeOff')) === null || _b === void 0 ? void 0 : _b.toLowerCase()) === 'true';
function _debug(message) {
    if (!shouldCheckDebugMode
        || (shouldCheckDebugMode && debugMode)) {
        _command('task.debug', null, message);
    }
}
exports._debug = _debug;
// //-----------------------------------------------------
// // Disk Functions
// //-----------------------------------------------------
/**
 * Returns whether a path exists.
 *
 * @param     path      path to check
 * @returns   boolean
 */
function _exist(path) {
    var exist = false;
    try {
        exist = !!(path && fs.statSync(path) != null);
    }
    catch (err) {
        if (err && err.code === 'ENOENT') {
            exist = false;
        }
        else {
            throw err;
        }
    }
    return exist;
}
exports._exist = _exist;
/**
 * Checks whether a path exists.
 * If the path does not exist, it will throw.
 *
 * @param     p         path to check
 * @param     name      name only used in error message to identify the path
 * @returns   void
 */
function _checkPath(p, name) {
    _debug('check path : ' + p);
    if (!_exist(p)) {
        throw new Error(_loc('LIB_PathNotFound', name, p));
    }
}
exports._checkPath = _checkPath;
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool       name of the tool
 * @param     check      whether to check if tool exists
 * @returns   string
 */
function _which(tool, check) {
    if (!tool) {
        throw new Error('parameter \'tool\' is required');
    }
    // recursive when check=true
    if (check) {
        var result = _which(tool, false);
        if (result) {
            return result;
        }
        else {
            if (process.platform == 'win32') {
                throw new Error(_loc('LIB_WhichNotFound_Win', tool));
            }
            else {
                throw new Error(_loc('LIB_WhichNotFound_Linux', tool));
            }
        }
    }
    _debug("which '".concat(tool, "'"));
    try {
        // build the list of extensions to try
        var extensions = [];
        if (process.platform == 'win32' && process.env['PATHEXT']) {
            for (var _i = 0, _a = process.env['PATHEXT'].split(path.delimiter); _i < _a.length; _i++) {
                var extension = _a[_i];
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_isRooted(tool)) {
            var filePath = _tryGetExecutablePath(tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
            _debug('not found');
            return '';
        }
        // if any path separators, return empty
        if (tool.indexOf('/') >= 0 || (process.platform == 'win32' && tool.indexOf('\\') >= 0)) {
            _debug('not found');
            return '';
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a task lib perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the task lib should strive for consistency
        // across platforms.
        var directories = [];
        if (process.env['PATH']) {
            for (var _b = 0, _c = process.env['PATH'].split(path.delimiter); _b < _c.length; _b++) {
                var p = _c[_b];
                if (p) {
                    directories.push(p);
                }
            }
        }
        // return the first match
        for (var _d = 0, directories_1 = directories; _d < directories_1.length; _d++) {
            var directory = directories_1[_d];
            var filePath = _tryGetExecutablePath(directory + path.sep + tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
        }
        _debug('not found');
        return '';
    }
    catch (err) {
        throw new Error(_loc('LIB_OperationFailed', 'which', err.message));
    }
}
exports._which = _which;
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function _tryGetExecutablePath(filePath, extensions) {
    try {
        // test file exists
        var stats = fs.statSync(filePath);
        if (stats.isFile()) {
            if (process.platform == 'win32') {
                // on Windows, test for valid extension
                var isExecutable = false;
                var fileName = path.basename(filePath);
                var dotIndex = fileName.lastIndexOf('.');
                if (dotIndex >= 0) {
                    var upperExt_1 = fileName.substr(dotIndex).toUpperCase();
                    if (extensions.some(function (validExt) { return validExt.toUpperCase() == upperExt_1; })) {
                        return filePath;
                    }
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
    }
    catch (err) {
        if (err.code != 'ENOENT') {
            _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath, "': ").concat(err));
        }
    }
    // try each extension
    var originalFilePath = filePath;
    for (var _i = 0, extensions_1 = extensions; _i < extensions_1.length; _i++) {
        var extension = extensions_1[_i];
        var found = false;
        var filePath_1 = originalFilePath + extension;
        try {
            var stats = fs.statSync(filePath_1);
            if (stats.isFile()) {
                if (process.platform == 'win32') {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        var directory = path.dirname(filePath_1);
                        var upperName = path.basename(filePath_1).toUpperCase();
                        for (var _a = 0, _b = fs.readdirSync(directory); _a < _b.length; _a++) {
                            var actualName = _b[_a];
                            if (upperName == actualName.toUpperCase()) {
                                filePath_1 = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        _debug("Unexpected error attempting to determine the actual case of the file '".concat(filePath_1, "': ").concat(err));
                    }
                    return filePath_1;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath_1;
                    }
                }
            }
        }
        catch (err) {
            if (err.code != 'ENOENT') {
                _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath_1, "': ").concat(err));
            }
        }
    }
    return '';
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return (stats.mode & 1) > 0 || ((stats.mode & 8) > 0 && stats.gid === process.getgid()) || ((stats.mode & 64) > 0 && stats.uid === process.getuid());
}
function _legacyFindFiles_convertPatternToRegExp(pattern) {
    pattern = (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern) // normalize separator on Windows
        .replace(/[-\/\\^$*+?.()|[\]{}]/g, '\\$&') // regex escape - from http://stackoverflow.com/questions/3561493/is-there-a-regexp-escape-function-in-javascript
        .replace(/\\\/\\\*\\\*\\\//g, '((\/.+/)|(\/))') // replace directory globstar, e.g. /hello/**/world
        .replace(/\\\*\\\*/g, '.*') // replace remaining globstars with a wildcard that can span directory separators, e.g. /hello/**dll
        .replace(/\\\*/g, '[^\/]*') // replace asterisks with a wildcard that cannot span directory separators, e.g. /hello/*.dll
        .replace(/\\\?/g, '[^\/]'); // replace single character wildcards, e.g. /hello/log?.dll
    pattern = "^".concat(pattern, "$");
    var flags = process.platform == 'win32' ? 'i' : '';
    return new RegExp(pattern, flags);
}
exports._legacyFindFiles_convertPatternToRegExp = _legacyFindFiles_convertPatternToRegExp;
function _cloneMatchOptions(matchOptions) {
    return {
        debug: matchOptions.debug,
        nobrace: matchOptions.nobrace,
        noglobstar: matchOptions.noglobstar,
        dot: matchOptions.dot,
        noext: matchOptions.noext,
        nocase: matchOptions.nocase,
        nonull: matchOptions.nonull,
        matchBase: matchOptions.matchBase,
        nocomment: matchOptions.nocomment,
        nonegate: matchOptions.nonegate,
        flipNegate: matchOptions.flipNegate
    };
}
exports._cloneMatchOptions = _cloneMatchOptions;
function _getFindInfoFromPattern(defaultRoot, pattern, matchOptions) {
    // parameter validation
    if (!defaultRoot) {
        throw new Error('getFindRootFromPattern() parameter defaultRoot cannot be empty');
    }
    if (!pattern) {
        throw new Error('getFindRootFromPattern() parameter pattern cannot be empty');
    }
    if (!matchOptions.nobrace) {
        throw new Error('getFindRootFromPattern() expected matchOptions.nobrace to be true');
    }
    // for the sake of determining the findPath, pretend nocase=false
    matchOptions = _cloneMatchOptions(matchOptions);
    matchOptions.nocase = false;
    // check if basename only and matchBase=true
    if (matchOptions.matchBase &&
        !_isRooted(pattern) &&
        (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern).indexOf('/') < 0) {
        return {
            adjustedPattern: pattern,
            findPath: defaultRoot,
            statOnly: false,
        };
    }
    // the technique applied by this function is to use the information on the Minimatch object determine
    // the findPath. Minimatch breaks the pattern into path segments, and exposes information about which
    // segments are literal vs patterns.
    //
    // note, the technique currently imposes a limitation for drive-relative paths with a glob in the
    // first segment, e.g. C:hello*/world. it's feasible to overcome this limitation, but is left unsolved
    // for now.
    var minimatchObj = new minimatch.Minimatch(pattern, matchOptions);
    // the "set" property is an array of arrays of parsed path segment info. the outer array should only
    // contain one item, otherwise something went wrong. brace expansion can result in multiple arrays,
    // but that should be turned off by the time this function is reached.
    if (minimatchObj.set.length != 1) {
        throw new Error('getFindRootFromPattern() expected Minimatch(...).set.length to be 1. Actual: ' + minimatchObj.set.length);
    }
    var literalSegments = [];
    for (var _i = 0, _a = minimatchObj.set[0]; _i < _a.length; _i++) {
        var parsedSegment = _a[_i];
        if (typeof parsedSegment == 'string') {
            // the item is a string when the original input for the path segment does not contain any
            // unescaped glob characters.
            //
            // note, the string here is already unescaped (i.e. glob escaping removed), so it is ready
            // to pass to find() as-is. for example, an input string 'hello\\*world' => 'hello*world'.
            literalSegments.push(parsedSegment);
            continue;
        }
        break;
    }
    // join the literal segments back together. Minimatch converts '\' to '/' on Windows, then squashes
    // consequetive slashes, and finally splits on slash. this means that UNC format is lost, but can
    // be detected from the original pattern.
    var joinedSegments = literalSegments.join('/');
    if (joinedSegments && process.platform == 'win32' && _startsWith(pattern.replace(/\\/g, '/'), '//')) {
        joinedSegments = '/' + joinedSegments; // restore UNC format
    }
    // determine the find path
    var findPath;
    if (_isRooted(pattern)) { // the pattern was rooted
        findPath = joinedSegments;
    }
    else if (joinedSegments) { // the pattern was not rooted, and literal segments were found
        findPath = _ensureRooted(defaultRoot, joinedSegments);
    }
    else { // the pattern was not rooted, and no literal segments were found
        findPath = defaultRoot;
    }
    // clean up the path
    if (findPath) {
        findPath = _getDirectoryName(_ensureRooted(findPath, '_')); // hack to remove unnecessary trailing slash
        findPath = _normalizeSeparators(findPath); // normalize slashes
    }
    return {
        adjustedPattern: _ensurePatternRooted(defaultRoot, pattern),
        findPath: findPath,
        statOnly: literalSegments.length == minimatchObj.set[0].length,
    };
}
exports._getFindInfoFromPattern = _getFindInfoFromPattern;
function _ensurePatternRooted(root, p) {
    if (!root) {
        throw new Error('ensurePatternRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensurePatternRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    // normalize root
    root = _normalizeSeparators(root);
    // escape special glob characters
    root = (process.platform == 'win32' ? root : root.replace(/\\/g, '\\\\')) // escape '\' on OSX/Linux
        .replace(/(\[)(?=[^\/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
        .replace(/\?/g, '[?]') // escape '?'
        .replace(/\*/g, '[*]') // escape '*'
        .replace(/\+\(/g, '[+](') // escape '+('
        .replace(/@\(/g, '[@](') // escape '@('
        .replace(/!\(/g, '[!]('); // escape '!('
    return _ensureRooted(root, p);
}
exports._ensurePatternRooted = _ensurePatternRooted;
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
function _loadData() {
    // in agent, prefer TempDirectory then workFolder.
    // In interactive dev mode, it won't be
    var keyPath = _getVariable("agent.TempDirectory") || _getVariable("agent.workFolder") || process.cwd();
    exports._vault = new vm.Vault(keyPath);
    exports._knownVariableMap = {};
    _debug('loading inputs and endpoints');
    var loaded = 0;
    for (var envvar in process.env) {
        if (_startsWith(envvar, 'INPUT_') ||
            _startsWith(envvar, 'ENDPOINT_AUTH_') ||
            _startsWith(envvar, 'SECUREFILE_TICKET_') ||
            _startsWith(envvar, 'SECRET_') ||
            _startsWith(envvar, 'VSTS_TASKVARIABLE_')) {
            // Record the secret variable metadata. This is required by getVariable to know whether
            // to retrieve the value from the vault. In a 2.104.1 agent or higher, this metadata will
            // be overwritten when the VSTS_SECRET_VARIABLES env var is processed below.
            if (_startsWith(envvar, 'SECRET_')) {
                var variableName = envvar.substring('SECRET_'.length);
                if (variableName) {
                    // This is technically not the variable name (has underscores instead of dots),
                    // but it's good enough to make getVariable work in a pre-2.104.1 agent where
                    // the VSTS_SECRET_VARIABLES env var is not defined.
                    exports._knownVariableMap[_getVariableKey(variableName)] = { name: variableName, secret: true };
                }
            }
            // store the secret
            var value = process.env[envvar];
            if (value) {
                ++loaded;
                _debug('loading ' + envvar);
                exports._vault.storeSecret(envvar, value);
                delete process.env[envvar];
            }
        }
    }
    _debug('loaded ' + loaded);
    var correlationId = process.env["COMMAND_CORRELATION_ID"];
    delete process.env["COMMAND_CORRELATION_ID"];
    _commandCorrelationId = correlationId ? String(correlationId) : "";
    // store public variable metadata
    var names;
    try {
        names = JSON.parse(process.env['VSTS_PUBLIC_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_PUBLIC_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: false };
    });
    delete process.env['VSTS_PUBLIC_VARIABLES'];
    // store secret variable metadata
    try {
        names = JSON.parse(process.env['VSTS_SECRET_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_SECRET_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: true };
    });
    delete process.env['VSTS_SECRET_VARIABLES'];
    // avoid loading twice (overwrites .taskkey)
    global['_vsts_task_lib_loaded'] = true;
}
exports._loadData = _loadData;
//--------------------------------------------------------------------------------
// Internal path helpers.
//--------------------------------------------------------------------------------
/**
 * Defines if path is unc-path.
 *
 * @param path  a path to a file.
 * @returns     true if path starts with double backslash, otherwise returns false.
 */
function _isUncPath(path) {
    return /^\\\\[^\\]/.test(path);
}
exports._isUncPath = _isUncPath;
function _ensureRooted(root, p) {
    if (!root) {
        throw new Error('ensureRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensureRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    if (process.platform == 'win32' && root.match(/^[A-Z]:$/i)) { // e.g. C:
        return root + p;
    }
    // ensure root ends with a separator
    if (_endsWith(root, '/') || (process.platform == 'win32' && _endsWith(root, '\\'))) {
        // root already ends with a separator
    }
    else {
        root += path.sep; // append separator
    }
    return root + p;
}
exports._ensureRooted = _ensureRooted;
/**
 * Determines the parent path and trims trailing slashes (when safe). Path separators are normalized
 * in the result. This function works similar to the .NET System.IO.Path.GetDirectoryName() method.
 * For example, C:\hello\world\ returns C:\hello\world (trailing slash removed). Returns empty when
 * no higher directory can be determined.
 */
function _getDirectoryName(p) {
    // short-circuit if empty
    if (!p) {
        return '';
    }
    // normalize separators
    p = _normalizeSeparators(p);
    // on Windows, the goal of this function is to match the behavior of
    // [System.IO.Path]::GetDirectoryName(), e.g.
    //      C:/             =>
    //      C:/hello        => C:\
    //      C:/hello/       => C:\hello
    //      C:/hello/world  => C:\hello
    //      C:/hello/world/ => C:\hello\world
    //      C:              =>
    //      C:hello         => C:
    //      C:hello/        => C:hello
    //      /               =>
    //      /hello          => \
    //      /hello/         => \hello
    //      //hello         =>
    //      //hello/        =>
    //      //hello/world   =>
    //      //hello/world/  => \\hello\world
    //
    // unfortunately, path.dirname() can't simply be used. for example, on Windows
    // it yields different results from Path.GetDirectoryName:
    //      C:/             => C:/
    //      C:/hello        => C:/
    //      C:/hello/       => C:/
    //      C:/hello/world  => C:/hello
    //      C:/hello/world/ => C:/hello
    //      C:              => C:
    //      C:hello         => C:
    //      C:hello/        => C:
    //      /               => /
    //      /hello          => /
    //      /hello/         => /
    //      //hello         => /
    //      //hello/        => /
    //      //hello/world   => //hello/world
    //      //hello/world/  => //hello/world/
    //      //hello/world/again => //hello/world/
    //      //hello/world/again/ => //hello/world/
    //      //hello/world/again/again => //hello/world/again
    //      //hello/world/again/again/ => //hello/world/again
    if (process.platform == 'win32') {
        if (/^[A-Z]:\\?[^\\]+$/i.test(p)) { // e.g. C:\hello or C:hello
            return p.charAt(2) == '\\' ? p.substring(0, 3) : p.substring(0, 2);
        }
        else if (/^[A-Z]:\\?$/i.test(p)) { // e.g. C:\ or C:
            return '';
        }
        var lastSlashIndex = p.lastIndexOf('\\');
        if (lastSlashIndex < 0) { // file name only
            return '';
        }
        else if (p == '\\') { // relative root
            return '';
        }
        else if (lastSlashIndex == 0) { // e.g. \\hello
            return '\\';
        }
        else if (/^\\\\[^\\]+(\\[^\\]*)?$/.test(p)) { // UNC root, e.g. \\hello or \\hello\ or \\hello\world
            return '';
        }
        return p.substring(0, lastSlashIndex); // e.g. hello\world => hello or hello\world\ => hello\world
        // note, this means trailing slashes for non-root directories
        // (i.e. not C:\, \, or \\unc\) will simply be removed.
    }
    // OSX/Linux
    if (p.indexOf('/') < 0) { // file name only
        return '';
    }
    else if (p == '/') {
        return '';
    }
    else if (_endsWith(p, '/')) {
        return p.substring(0, p.length - 1);
    }
    return path.dirname(p);
}
exports._getDirectoryName = _getDirectoryName;
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function _isRooted(p) {
    p = _normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (process.platform == 'win32') {
        return _startsWith(p, '\\') || // e.g. \ or \hello or \\hello
            /^[A-Z]:/i.test(p); // e.g. C: or C:\hello
    }
    return _startsWith(p, '/'); // e.g. /hello
}
exports._isRooted = _isRooted;
function _normalizeSeparators(p) {
    p = p || '';
    if (process.platform == 'win32') {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        var isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading // for UNC
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
exports._normalizeSeparators = _normalizeSeparators;
//-----------------------------------------------------
// Expose proxy information to vsts-node-api
//-----------------------------------------------------
function _exposeProxySettings() {
    var proxyUrl = _getVariable('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = _getVariable('Agent.ProxyUsername');
        var proxyPassword = _getVariable('Agent.ProxyPassword');
        var proxyBypassHostsJson = _getVariable('Agent.ProxyBypassList');
        global['_vsts_task_lib_proxy_url'] = proxyUrl;
        global['_vsts_task_lib_proxy_username'] = proxyUsername;
        global['_vsts_task_lib_proxy_bypass'] = proxyBypassHostsJson;
        global['_vsts_task_lib_proxy_password'] = _exposeTaskLibSecret('proxy', proxyPassword || '');
        _debug('expose agent proxy configuration.');
        global['_vsts_task_lib_proxy'] = true;
    }
}
exports._exposeProxySettings = _exposeProxySettings;
//-----------------------------------------------------
// Expose certificate information to vsts-node-api
//-----------------------------------------------------
function _exposeCertSettings() {
    var ca = _getVariable('Agent.CAInfo');
    if (ca) {
        global['_vsts_task_lib_cert_ca'] = ca;
    }
    var clientCert = _getVariable('Agent.ClientCert');
    if (clientCert) {
        var clientCertKey = _getVariable('Agent.ClientCertKey');
        var clientCertArchive = _getVariable('Agent.ClientCertArchive');
        var clientCertPassword = _getVariable('Agent.ClientCertPassword');
        global['_vsts_task_lib_cert_clientcert'] = clientCert;
        global['_vsts_task_lib_cert_key'] = clientCertKey;
        global['_vsts_task_lib_cert_archive'] = clientCertArchive;
        global['_vsts_task_lib_cert_passphrase'] = _exposeTaskLibSecret('cert', clientCertPassword || '');
    }
    if (ca || clientCert) {
        _debug('expose agent certificate configuration.');
        global['_vsts_task_lib_cert'] = true;
    }
    var skipCertValidation = _getVariable('Agent.SkipCertValidation') || 'false';
    if (skipCertValidation) {
        global['_vsts_task_lib_skip_cert_validation'] = skipCertValidation.toUpperCase() === 'TRUE';
    }
}
exports._exposeCertSettings = _exposeCertSettings;
// We store the encryption key on disk and hold the encrypted content and key file in memory
// return base64encoded<keyFilePath>:base64encoded<encryptedContent>
// downstream vsts-node-api will retrieve the secret later
function _exposeTaskLibSecret(keyFile, secret) {
    if (secret) {
        var encryptKey = crypto.randomBytes(32);
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv("aes-256-ctr", encryptKey, iv);
        var encryptedContent = cipher.update(secret, "utf8", "hex"); // CodeQL [SM01511] agent need to retrieve password later to connect to proxy server
        encryptedContent += cipher.final("hex");
        var storageFile = path.join(_getVariable('Agent.TempDirectory') || _getVariable("agent.workFolder") || process.cwd(), keyFile);
        var keyAndIv = encryptKey.toString('base64') + ':' + iv.toString('base64');
        fs.writeFileSync(storageFile, keyAndIv, { encoding: 'utf8' });
        return Buffer.from(storageFile).toString('base64') + ':' + Buffer.from(encryptedContent).toString('base64');
    }
}
function isSigPipeError(e) {
    var _a;
    if (!e || typeof e !== 'object') {
        return false;
    }
    return e.code === 'EPIPE' && ((_a = e.syscall) === null || _a === void 0 ? void 0 : _a.toUpperCase()) === 'WRITE';
}
exports.isSigPipeError = isSigPipeError;


/***/ }),

/***/ 7137:
/***/ ((module) => {

// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.

// Generated by make.js from lib.json and Strings/resources.resjson.
module.exports = {
  "messages": {
    "LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
    "LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
    "LIB_DirectoryStackEmpty": "Directory stack is empty",
    "LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
    "LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
    "LIB_EndpointNotExist": "Endpoint not present: %s",
    "LIB_FailOnCode": "Failure return code: %d",
    "LIB_InputRequired": "Input required: %s",
    "LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
    "LIB_InvalidPattern": "Invalid pattern: '%s'",
    "LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
    "LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
    "LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
    "LIB_MkdirFailed": "Unable to create directory '%s'. %s",
    "LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
    "LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
    "LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
    "LIB_MultilineSecret": "Secrets cannot contain multiple lines",
    "LIB_NotFoundPreviousDirectory": "Could not find previous directory",
    "LIB_OperationFailed": "Failed %s: %s",
    "LIB_ParameterIsRequired": "%s not supplied",
    "LIB_PathHasNullByte": "Path cannot contain null bytes",
    "LIB_PathIsNotADirectory": "Path is not a directory: %s",
    "LIB_PathNotFound": "Not found %s: %s",
    "LIB_PlatformNotSupported": "Platform not supported: %s",
    "LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
    "LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
    "LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
    "LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
    "LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
    "LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
    "LIB_ReturnCode": "Return code: %d",
    "LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
    "LIB_UndefinedNodeVersion": "Node version is undefined.",
    "LIB_UnhandledEx": "Unhandled: %s",
    "LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
    "LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
    "LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
  },
  "localizedMessages": {
    "de-DE": {
      "loc.messages.LIB_CopyFileFailed": "Fehler beim Kopieren der Datei. Verbleibende Versuche: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Der Verzeichnisstapel ist leer.",
      "loc.messages.LIB_EndpointAuthNotExist": "Die Endpunkt-Authentifizierungsdatensind nicht vorhanden: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Der Endpunkt-Datenparameter %s ist nicht vorhanden: %s",
      "loc.messages.LIB_EndpointNotExist": "Der Endpunkt ist nicht vorhanden: %s",
      "loc.messages.LIB_FailOnCode": "Fehler beim Rückgabecode: %d",
      "loc.messages.LIB_InputRequired": "Eingabe erforderlich: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Ungültige Endpunktauthentifizierung: %s",
      "loc.messages.LIB_InvalidPattern": "Ungültiges Muster: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "Ungültige sichere Dateiausgabe: %s",
      "loc.messages.LIB_LocStringNotFound": "Die Lokalisierungszeichenfolge für den folgenden Schlüssel wurde nicht gefunden: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Das Mergen von Testergebnissen aus mehreren Dateien in einen Testlauf wird von dieser Version des Build-Agents für OSX/Linux nicht unterstützt. Jede Testergebnisdatei wird als separater Testlauf in VSO/TFS veröffentlicht.",
      "loc.messages.LIB_MkdirFailed": "Das Verzeichnis \"%s\" kann nicht erstellt werden. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Eine in Konflikt stehende Datei ist vorhanden: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Das Stammverzeichnis ist nicht vorhanden: %s",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Es kann nicht überprüft werden, ob das Verzeichnis vorhanden ist: {%s}. Wenn das Verzeichnis eine Dateifreigabe ist, stellen Sie sicher, dass der Freigabename richtig, die Freigabe online und der aktuelle Prozess berechtigt ist, auf die Freigabe zuzugreifen.",
      "loc.messages.LIB_MultilineSecret": "Geheimnisse dürfen nicht mehrere Zeilen enthalten",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Vorheriges Verzeichnis wurde nicht gefunden.",
      "loc.messages.LIB_OperationFailed": "Fehler %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "\"%s\" wurde nicht angegeben.",
      "loc.messages.LIB_PathHasNullByte": "Der Pfad darf keine NULL-Bytes enthalten.",
      "loc.messages.LIB_PathIsNotADirectory": "Der Pfad ist kein Verzeichnis: %s",
      "loc.messages.LIB_PathNotFound": "Nicht gefunden %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Plattform wird nicht unterstützt: %s",
      "loc.messages.LIB_ProcessError": "Fehler beim Ausführen des Prozesses \"%s\". Möglicherweise konnte der Prozess nicht gestartet werden. Fehler: %s",
      "loc.messages.LIB_ProcessExitCode": "Fehler beim Prozess \"%s\" mit Exitcode %s.",
      "loc.messages.LIB_ProcessStderr": "Fehler beim Prozess \"%s\": Mindestens eine Zeile wurde in den STDERR-Datenstrom geschrieben.",
      "loc.messages.LIB_ResourceFileAlreadySet": "Die Ressourcendatei wurde bereits festgelegt auf: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Die Ressourcendatei ist nicht vorhanden: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Die Ressourcendatei wurde nicht festgelegt. Die Lokalisierungszeichenfolge für den folgenden Schlüssel wurde nicht gefunden: %s",
      "loc.messages.LIB_ReturnCode": "Rückgabecode: %d",
      "loc.messages.LIB_StdioNotClosed": "Die STDIO-Datenströme wurden nicht innerhalb von %s Sekunden nach dem Beendigungsereignis aus dem Prozess \"%s\" geschlossen. Möglicherweise hat ein untergeordneter Prozess die STDIO-Datenströme geerbt und wurde noch nicht beendet.",
      "loc.messages.LIB_UndefinedNodeVersion": "Die Knotenversion ist nicht definiert.",
      "loc.messages.LIB_UnhandledEx": "Ausnahmefehler: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Mehrere Arbeitsbereichübereinstimmungen. Die erste Übereinstimmung wird verwendet.",
      "loc.messages.LIB_WhichNotFound_Linux": "Ausführbare Datei nicht gefunden: '%s'. Prüfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Prüfen Sie zudem den Dateimodus, um sicherzustellen, dass die Datei ausführbar ist.",
      "loc.messages.LIB_WhichNotFound_Win": "Ausführbare Datei nicht gefunden: \"%s\". Prüfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Prüfen Sie zudem, ob die Datei eine gültige Erweiterung für eine ausführbare Datei aufweist."
    },
    "en-US": {
      "loc.messages.LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
      "loc.messages.LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Directory stack is empty",
      "loc.messages.LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint not present: %s",
      "loc.messages.LIB_FailOnCode": "Failure return code: %d",
      "loc.messages.LIB_InputRequired": "Input required: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
      "loc.messages.LIB_InvalidPattern": "Invalid pattern: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
      "loc.messages.LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Unable to create directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
      "loc.messages.LIB_MultilineSecret": "Secrets cannot contain multiple lines",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Could not find previous directory",
      "loc.messages.LIB_OperationFailed": "Failed %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s not supplied",
      "loc.messages.LIB_PathHasNullByte": "Path cannot contain null bytes",
      "loc.messages.LIB_PathIsNotADirectory": "Path is not a directory: %s",
      "loc.messages.LIB_PathNotFound": "Not found %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Platform not supported: %s",
      "loc.messages.LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
      "loc.messages.LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
      "loc.messages.LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
      "loc.messages.LIB_ReturnCode": "Return code: %d",
      "loc.messages.LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
      "loc.messages.LIB_UndefinedNodeVersion": "Node version is undefined.",
      "loc.messages.LIB_UnhandledEx": "Unhandled: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
      "loc.messages.LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
      "loc.messages.LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
    },
    "es-ES": {
      "loc.messages.LIB_CopyFileFailed": "Error al copiar el archivo. Intentos restantes: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pila de directorios está vacía",
      "loc.messages.LIB_EndpointAuthNotExist": "Los datos de autenticación del punto de conexión no existen: %s.",
      "loc.messages.LIB_EndpointDataNotExist": "El parámetro %s de datos del punto de conexión no existe: %s.",
      "loc.messages.LIB_EndpointNotExist": "No hay punto de conexión: %s",
      "loc.messages.LIB_FailOnCode": "Código de retorno de error: %d",
      "loc.messages.LIB_InputRequired": "Entrada requerida: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticación de punto de conexión no válida: %s",
      "loc.messages.LIB_InvalidPattern": "Patrón no válido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entrada de archivo seguro no válida: %s",
      "loc.messages.LIB_LocStringNotFound": "No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Esta versión del agente de compilación para OSX/Linux no admite la fusión mediante combinación de resultados de pruebas de varios archivos en una serie de pruebas. Cada archivo de resultados de pruebas se publicará como una serie de pruebas diferente en VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "No se puede crear el directorio '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "No se puede crear el directorio '%s'. Hay un conflicto entre archivos: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "No se puede crear el directorio '%s'. El directorio raíz no existe: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "No se puede crear el directorio '%s'. No se puede comprobar si el directorio existe: '%s'. Si el directorio es un recurso compartido de archivos, compruebe que el nombre es correcto, que está en línea y que el proceso actual tiene permiso de acceso a este.",
      "loc.messages.LIB_MultilineSecret": "Los secretos no pueden contener varias líneas.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "No se ha encontrado el directorio anterior",
      "loc.messages.LIB_OperationFailed": "Error de %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "No se ha proporcionado %s",
      "loc.messages.LIB_PathHasNullByte": "La ruta de acceso no puede tener bytes nulos",
      "loc.messages.LIB_PathIsNotADirectory": "La ruta de acceso no es un directorio: %s",
      "loc.messages.LIB_PathNotFound": "No se encuentra %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "No se admite la plataforma: %s",
      "loc.messages.LIB_ProcessError": "Error al intentar ejecutar el proceso \"%s\". Esto puede indicar que no se pudo iniciar el proceso. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "Error del proceso \"%s\" con el código de salida %s",
      "loc.messages.LIB_ProcessStderr": "Error del proceso \"%s\" porque se escribieron una o varias líneas en la secuencia STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "El archivo de recursos se ha establecido ya en: %s",
      "loc.messages.LIB_ResourceFileNotExist": "El archivo de recursos no existe: %s",
      "loc.messages.LIB_ResourceFileNotSet": "No se ha establecido el archivo de recursos. No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_ReturnCode": "Código de retorno: %d",
      "loc.messages.LIB_StdioNotClosed": "Las secuencias STDIO no se cerraron en un plazo de %s segundos desde el evento de salida del proceso \"%s\". Esto puede indicar que un proceso secundario ha heredado las secuencias STDIO y aún no se ha cerrado.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versión del nodo no está definida.",
      "loc.messages.LIB_UnhandledEx": "No controlada: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Hay varias coincidencias en el área de trabajo. Se usará la primera.",
      "loc.messages.LIB_WhichNotFound_Linux": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise también el modo de archivo para comprobar que el archivo es ejecutable.",
      "loc.messages.LIB_WhichNotFound_Win": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise también que el archivo tenga una extensión válida para un archivo ejecutable."
    },
    "fr-FR": {
      "loc.messages.LIB_CopyFileFailed": "Erreur durant la copie du fichier. Tentatives restantes : %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pile de répertoires est vide",
      "loc.messages.LIB_EndpointAuthNotExist": "Données d'authentification du point de terminaison absentes : %s",
      "loc.messages.LIB_EndpointDataNotExist": "Paramètre de données du point de terminaison %s absent : %s",
      "loc.messages.LIB_EndpointNotExist": "Point de terminaison absent : %s",
      "loc.messages.LIB_FailOnCode": "Code de retour de l'échec : %d",
      "loc.messages.LIB_InputRequired": "Entrée nécessaire : %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Authentification du point de terminaison non valide : %s",
      "loc.messages.LIB_InvalidPattern": "Modèle non valide : '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entrée de fichier sécurisé non valide : %s",
      "loc.messages.LIB_LocStringNotFound": "Chaîne localisée introuvable pour la clé : %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "La fusion des résultats des tests de plusieurs fichiers en une seule série de tests n'est pas prise en charge dans cette version de l'agent de build pour OSX/Linux. Chaque fichier de résultats des tests est publié en tant que série de tests distincte dans VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Impossible de créer le répertoire '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Impossible de créer le répertoire '%s'. Présence d'un fichier en conflit : '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Impossible de créer le répertoire '%s'. Le répertoire racine n'existe pas : '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Impossible de créer le répertoire '%s'. Impossible de vérifier l'existence du répertoire : '%s'. Si le répertoire est un partage de fichiers, vérifiez que le nom du partage est correct, que le partage est en ligne, et que le processus actuel est autorisé à accéder au partage.",
      "loc.messages.LIB_MultilineSecret": "Les secrets ne peuvent pas contenir plusieurs lignes",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Désolé, nous n’avons pas pu trouver le répertoire précédent",
      "loc.messages.LIB_OperationFailed": "Échec de %s : %s",
      "loc.messages.LIB_ParameterIsRequired": "%s non fourni",
      "loc.messages.LIB_PathHasNullByte": "Le chemin ne peut pas contenir d'octets de valeur Null",
      "loc.messages.LIB_PathIsNotADirectory": "Le chemin d’accès n’est pas un répertoire : %s",
      "loc.messages.LIB_PathNotFound": "%s : %s introuvable",
      "loc.messages.LIB_PlatformNotSupported": "Plateforme non prise en charge : %s",
      "loc.messages.LIB_ProcessError": "Erreur durant la tentative d'exécution du processus '%s'. Cela peut indiquer que le processus n'a pas réussi à démarrer. Erreur : %s",
      "loc.messages.LIB_ProcessExitCode": "Échec du processus '%s'. Code de sortie : %s",
      "loc.messages.LIB_ProcessStderr": "Échec du processus '%s', car une ou plusieurs lignes ont été écrites dans le flux STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Le fichier de ressources est déjà défini : %s",
      "loc.messages.LIB_ResourceFileNotExist": "Le fichier de ressources n'existe pas : %s",
      "loc.messages.LIB_ResourceFileNotSet": "Le fichier de ressources n'est pas défini. La chaîne localisée de la clé est introuvable : %s",
      "loc.messages.LIB_ReturnCode": "Code de retour : %d",
      "loc.messages.LIB_StdioNotClosed": "Les flux STDIO ne se sont pas fermés dans les %s secondes qui ont suivi l'événement exit du processus '%s'. Cela peut indiquer qu'un processus enfant a hérité des flux STDIO et qu'il n'est pas encore sorti.",
      "loc.messages.LIB_UndefinedNodeVersion": "La version du nœud n’est pas définie.",
      "loc.messages.LIB_UnhandledEx": "Non géré : %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Plusieurs espaces de travail correspondants. Utilisation du premier d'entre eux.",
      "loc.messages.LIB_WhichNotFound_Linux": "Impossible de localiser le fichier exécutable : '%s'. Vérifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un répertoire spécifié par la variable d'environnement PATH. Vérifiez également le Mode de Fichier pour déterminer si le fichier est exécutable.",
      "loc.messages.LIB_WhichNotFound_Win": "Impossible de localiser le fichier exécutable : '%s'. Vérifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un répertoire spécifié par la variable d'environnement PATH. Vérifiez également si le fichier a une extension de fichier exécutable valide."
    },
    "it-IT": {
      "loc.messages.LIB_CopyFileFailed": "Si è verificato un errore durante la copia del file. Tentativi rimasti: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Lo stack della directory è vuoto",
      "loc.messages.LIB_EndpointAuthNotExist": "I dati di autenticazione endpoint non sono presenti: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Il parametro %s dei dati dell'endpoint non è presente: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint non presente: %s",
      "loc.messages.LIB_FailOnCode": "Codice restituito dell'errore: %d",
      "loc.messages.LIB_InputRequired": "Input richiesto: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticazione endpoint non valida: %s",
      "loc.messages.LIB_InvalidPattern": "Criterio non valido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "L'input del file protetto non è valido: %s",
      "loc.messages.LIB_LocStringNotFound": "La stringa localizzata per la chiave %s non è stata trovata",
      "loc.messages.LIB_MergeTestResultNotSupported": "L'unione di più file risultanti da un'unica esecuzione dei test non è supportata in questa versione dell'agente di compilazione per OS X/Linux. Ogni file dei risultati del test verrà pubblicato come esecuzione dei test separata in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Non è possibile creare la directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Non è possibile creare la directory '%s'. Esiste un file in conflitto: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Non è possibile creare la directory '%s'. La directory radice non esiste: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Non è possibile creare la directory '%s' perché non è possibile verificarne l'esistenza: '%s'. Se la directory è una condivisione file, verificare che il nome della condivisione sia corretto, che la condivisione sia online e che il processo corrente sia autorizzato ad accedervi.",
      "loc.messages.LIB_MultilineSecret": "I segreti non possono contenere più righe",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Non è stato possibile trovare la directory precedente",
      "loc.messages.LIB_OperationFailed": "Operazione %s non riuscita: %s",
      "loc.messages.LIB_ParameterIsRequired": "Parametro %s non fornito",
      "loc.messages.LIB_PathHasNullByte": "Il percorso non può contenere byte Null",
      "loc.messages.LIB_PathIsNotADirectory": "Il percorso non è una directory: %s",
      "loc.messages.LIB_PathNotFound": "Percorso %s non trovato: %s",
      "loc.messages.LIB_PlatformNotSupported": "Piattaforma non supportata: %s",
      "loc.messages.LIB_ProcessError": "Si è verificato un errore durante il tentativo di eseguire il processo '%s'. Questo errore può indicare che non è stato possibile avviare il processo. Errore: %s",
      "loc.messages.LIB_ProcessExitCode": "Il processo '%s' non è riuscito. Codice di uscita: %s",
      "loc.messages.LIB_ProcessStderr": "Il processo '%s' non è riuscito perché una o più righe sono state scritte nel flusso STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Il file di risorse è già stato impostato su %s",
      "loc.messages.LIB_ResourceFileNotExist": "Il file di risorse non esiste: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Il file di risorse non è stato impostato. La stringa localizzata per la chiave %s non è stata trovata",
      "loc.messages.LIB_ReturnCode": "Codice restituito: %d",
      "loc.messages.LIB_StdioNotClosed": "I flussi STDIO non si sono chiusi entro %s secondi dall'evento di uscita dal processo '%s'. Questa condizione può indicare che un processo figlio ha ereditato i flussi STDIO e non è ancora stato terminato.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versione del nodo non è definita.",
      "loc.messages.LIB_UnhandledEx": "Eccezione non gestita: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Sono presenti più corrispondenze dell'area di lavoro. Verrà usata la prima.",
      "loc.messages.LIB_WhichNotFound_Linux": "Il file eseguibile '%s' non è stato trovato. Verificare se il percorso di file esiste o il file è presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche la modalità file per verificare che il file sia eseguibile.",
      "loc.messages.LIB_WhichNotFound_Win": "Il file eseguibile '%s' non è stato trovato. Verificare se il percorso di file esiste o il file è presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche che l'estensione sia valida per un file eseguibile."
    },
    "ja-JP": {
      "loc.messages.LIB_CopyFileFailed": "ファイルのコピー中にエラーが発生しました。残りの試行回数: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "ディレクトリ スタックが空です",
      "loc.messages.LIB_EndpointAuthNotExist": "エンドポイントの認証データがありません: %s",
      "loc.messages.LIB_EndpointDataNotExist": "エンドポイントのデータ パラメーター %s がありません: %s",
      "loc.messages.LIB_EndpointNotExist": "エンドポイントが存在しません: %s",
      "loc.messages.LIB_FailOnCode": "失敗のリターン コード: %d",
      "loc.messages.LIB_InputRequired": "入力が必要です: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "エンドポイントの認証が無効です: %s",
      "loc.messages.LIB_InvalidPattern": "無効なパターン: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "無効なセキュア ファイル入力: %s",
      "loc.messages.LIB_LocStringNotFound": "キーの loc 文字列が見つかりません: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "複数のファイルからのテスト結果を 1 つのテスト実行にマージする処理は、OSX/Linux 用のビルド エージェントのこのバージョンではサポートされていません。各テスト結果ファイルが VSO/TFS で別個のテスト実行として発行されます。",
      "loc.messages.LIB_MkdirFailed": "ディレクトリ '%s' を作成できません。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "ディレクトリ '%s' を作成できません。競合するファイルが存在します: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "ディレクトリ '%s' を作成できません。ルート ディレクトリが存在しません: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "ディレクトリ '%s' を作成できません。ディレクトリが存在することを確認できません: '%s'。ディレクトリがファイル共有である場合、その共有名が正しいこと、その共有がオンラインであること、そして現在のプロセスにその共有へのアクセス許可があることをご確認ください。",
      "loc.messages.LIB_MultilineSecret": "シークレットに複数の行を含めることはできません",
      "loc.messages.LIB_NotFoundPreviousDirectory": "前のディレクトリが見つかりませんでした",
      "loc.messages.LIB_OperationFailed": "失敗しました %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s が提供されていません",
      "loc.messages.LIB_PathHasNullByte": "パスに null バイトを含めることはできません",
      "loc.messages.LIB_PathIsNotADirectory": "パスがディレクトリではありません: %s",
      "loc.messages.LIB_PathNotFound": "見つかりませんでした %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "プラットフォームがサポートされていません: %s",
      "loc.messages.LIB_ProcessError": "プロセス '%s' を実行しようとしているときにエラーが発生しました。プロセスの開始に失敗したおそれがあります。エラー: %s",
      "loc.messages.LIB_ProcessExitCode": "プロセス '%s' が終了コード %s で失敗しました",
      "loc.messages.LIB_ProcessStderr": "1 つ以上の行が STDERR ストリームに書き込まれたため、プロセス '%s' が失敗しました",
      "loc.messages.LIB_ResourceFileAlreadySet": "リソース ファイルは既に %s に設定されています",
      "loc.messages.LIB_ResourceFileNotExist": "リソース ファイルが存在しません: %s",
      "loc.messages.LIB_ResourceFileNotSet": "リソース ファイルが設定されておらず、キーの loc 文字列が見つかりません: %s",
      "loc.messages.LIB_ReturnCode": "リターン コード: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO ストリームが、プロセス '%s' の終了イベントから %s 秒以内に終了しませんでした。これは、子プロセスが STDIO ストリームを継承し、まだ終了していないことを示している可能性があります。",
      "loc.messages.LIB_UndefinedNodeVersion": "ノードのバージョンが定義されていません。",
      "loc.messages.LIB_UnhandledEx": "未処理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "複数のワークスペースが一致します。最初のワークスペースが使用されます。",
      "loc.messages.LIB_WhichNotFound_Linux": "実行可能ファイルが見つかりません: '%s'。ファイル パスが存在すること、またはそのファイルが PATH 環境変数で指定されたディレクトリ内にあることをご確認ください。ファイルが実行可能かどうかについてファイル モードもご確認ください。",
      "loc.messages.LIB_WhichNotFound_Win": "実行可能ファイルが見つかりません: '%s'。ファイル パスが存在すること、またはそのファイルが PATH 環境変数で指定されたディレクトリ内にあることをご確認ください。そのファイルに実行可能ファイルの有効な拡張子がついていることもご確認ください。"
    },
    "ko-KR": {
      "loc.messages.LIB_CopyFileFailed": "파일을 복사하는 동안 오류가 발생했습니다. 남은 시도 횟수: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "디렉터리 스택이 비어 있습니다.",
      "loc.messages.LIB_EndpointAuthNotExist": "엔드포인트 인증 데이터가 없음: %s",
      "loc.messages.LIB_EndpointDataNotExist": "엔드포인트 데이터 매개 변수 %s이(가) 없음: %s",
      "loc.messages.LIB_EndpointNotExist": "엔드포인트가 없음: %s",
      "loc.messages.LIB_FailOnCode": "실패 반환 코드: %d",
      "loc.messages.LIB_InputRequired": "입력 필요: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "잘못된 엔드포인트 인증: %s",
      "loc.messages.LIB_InvalidPattern": "잘못된 패턴: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "보안 파일 입력이 잘못됨: %s",
      "loc.messages.LIB_LocStringNotFound": "키에 대한 loc 문자열을 찾을 수 없음: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "이 OSX/Linux용 빌드 에이전트 버전에서 여러 파일의 테스트 결과를 하나의 테스트 실행으로 병합하는 것을 지원하지 않습니다. 각 테스트 결과 파일은 VSO/TFS에서 별도의 테스트 실행으로 게시됩니다.",
      "loc.messages.LIB_MkdirFailed": "'%s' 디렉터리를 만들 수 없습니다. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "'%s' 디렉터리를 만들 수 없습니다. 충돌하는 파일 '%s'이(가) 있습니다.",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "'%s' 디렉터리를 만들 수 없습니다. 루트 디렉터리 '%s'이(가) 없습니다.",
      "loc.messages.LIB_MkdirFailedInvalidShare": "'%s' 디렉터리를 만들 수 없습니다. '%s' 디렉터리가 있는지 확인할 수 없습니다. 디렉터리가 파일 공유인 경우 공유 이름이 올바르고, 공유가 온라인 상태이며, 현재 프로세스에 공유에 액세스할 수 있는 권한이 있는지 확인하세요.",
      "loc.messages.LIB_MultilineSecret": "비밀에 여러 줄을 사용할 수 없습니다.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "이전 디렉터리를 찾을 수 없습니다.",
      "loc.messages.LIB_OperationFailed": "%s 실패: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s이(가) 제공되지 않음",
      "loc.messages.LIB_PathHasNullByte": "경로에 null 바이트를 포함할 수 없음",
      "loc.messages.LIB_PathIsNotADirectory": "경로가 디렉터리가 아닙니다. %s",
      "loc.messages.LIB_PathNotFound": "%s을(를) 찾을 수 없음: %s",
      "loc.messages.LIB_PlatformNotSupported": "지원되지 않는 플랫폼: %s",
      "loc.messages.LIB_ProcessError": "'%s' 프로세스를 실행할 때 오류가 발생했습니다. 이는 프로세스를 시작하지 못했음을 나타낼 수 있습니다. 오류: %s",
      "loc.messages.LIB_ProcessExitCode": "'%s' 프로세스가 실패함(종료 코드 %s)",
      "loc.messages.LIB_ProcessStderr": "하나 이상의 줄이 STDERR 스트림에 쓰였으므로 '%s' 프로세스가 실패함",
      "loc.messages.LIB_ResourceFileAlreadySet": "리소스 파일이 이미 다음으로 설정됨: %s",
      "loc.messages.LIB_ResourceFileNotExist": "리소스 파일이 없음: %s",
      "loc.messages.LIB_ResourceFileNotSet": "리소스 파일이 설정되지 않았고 키에 대한 loc 문자열을 찾을 수 없음: %s",
      "loc.messages.LIB_ReturnCode": "반환 코드: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 스트림이 %s초 이내('%s' 프로세스의 종료 이벤트 후)에 닫히지 않았습니다. 이는 자식 프로세스가 STDIO 스트림을 상속했으며 아직 종료되지 않았음을 나타낼 수 있습니다.",
      "loc.messages.LIB_UndefinedNodeVersion": "노드 버전이 정의되지 않았습니다.",
      "loc.messages.LIB_UnhandledEx": "처리되지 않음: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "여러 작업 영역이 일치합니다. 첫 번째 작업 영역을 사용하세요.",
      "loc.messages.LIB_WhichNotFound_Linux": "실행 파일 '%s'을(를) 찾을 수 없습니다. 파일 경로가 있는지 또는 PATH 환경 변수에서 지정한 디렉터리 내에서 파일을 찾을 수 있는지 확인하세요. 또한 파일 모드를 확인하여 파일을 실행할 수 있는지 확인하세요.",
      "loc.messages.LIB_WhichNotFound_Win": "실행 파일 '%s'을(를) 찾을 수 없습니다. 파일 경로가 있는지 또는 PATH 환경 변수에서 지정한 디렉터리 내에서 파일을 찾을 수 있는지 확인하세요. 또한 파일이 실행 파일에 대해 올바른 확장명을 가지고 있는지 확인하세요."
    },
    "ru-RU": {
      "loc.messages.LIB_CopyFileFailed": "Ошибка при копировании файла. Оставшееся число попыток: %s.",
      "loc.messages.LIB_DirectoryStackEmpty": "Стек каталога пуст",
      "loc.messages.LIB_EndpointAuthNotExist": "Отсутствуют данные для проверки подлинности конечной точки: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Отсутствует параметр %s данных конечной точки: %s",
      "loc.messages.LIB_EndpointNotExist": "Конечная точка отсутствует: %s.",
      "loc.messages.LIB_FailOnCode": "Код возврата при сбое: %d.",
      "loc.messages.LIB_InputRequired": "Требуется ввести данные: %s.",
      "loc.messages.LIB_InvalidEndpointAuth": "Недопустимая проверка подлинности конечной точки: %s.",
      "loc.messages.LIB_InvalidPattern": "Недопустимый шаблон: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "Недопустимые входные данные защитного файла: %s",
      "loc.messages.LIB_LocStringNotFound": "Не удается найти локализованную строку для ключа: %s.",
      "loc.messages.LIB_MergeTestResultNotSupported": "Объединение результатов тестов из нескольких файлов в один тестовый запуск не поддерживается в этой версии агента сборки для OSX/Linux. Каждый файл результатов теста будет опубликован в качестве отдельного тестового запуска в VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Не удается создать каталог \"%s\". %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Не удается создать каталог \"%s\". Существует конфликтующий файл: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Не удалось создать каталог \"%s\". Корневой каталог не существует: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Не удалось создать каталог \"%s\". Не удалось проверить, существует ли каталог \"%s\". Если каталог является файловым ресурсом, убедитесь, что имя ресурса указано правильно, он работает и текущий процесс имеет разрешение на доступ к нему.",
      "loc.messages.LIB_MultilineSecret": "Секрет не может быть многострочным",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Не удалось найти предыдущий каталог",
      "loc.messages.LIB_OperationFailed": "Сбой %s: %s.",
      "loc.messages.LIB_ParameterIsRequired": "Не указан %s.",
      "loc.messages.LIB_PathHasNullByte": "Путь не может содержать пустые байты.",
      "loc.messages.LIB_PathIsNotADirectory": "Путь не является каталогом: %s",
      "loc.messages.LIB_PathNotFound": "Не найден %s: %s.",
      "loc.messages.LIB_PlatformNotSupported": "Платформа не поддерживается: %s",
      "loc.messages.LIB_ProcessError": "Произошла ошибка при попытке выполнить процесс \"%s\". Это может означать, что процесс не удалось запустить. Ошибка: %s",
      "loc.messages.LIB_ProcessExitCode": "Произошел сбой процесса \"%s\" с кодом выхода %s.",
      "loc.messages.LIB_ProcessStderr": "Произошел сбой процесса \"%s\", так как одна или несколько строк были записаны в поток STDERR.",
      "loc.messages.LIB_ResourceFileAlreadySet": "Файл ресурсов уже задан: %s.",
      "loc.messages.LIB_ResourceFileNotExist": "Файл ресурсов не существует: %s.",
      "loc.messages.LIB_ResourceFileNotSet": "Файл ресурсов не задан, не удается найти локализованную строку для ключа: %s.",
      "loc.messages.LIB_ReturnCode": "Код возврата: %d",
      "loc.messages.LIB_StdioNotClosed": "Потоки STDIO не были закрыты в течение %s с после получения события выхода от процесса \"%s\". Это может свидетельствовать о том, что дочерний процесс унаследовал потоки STDIO и еще не завершил работу.",
      "loc.messages.LIB_UndefinedNodeVersion": "Версия узла не определена.",
      "loc.messages.LIB_UnhandledEx": "Не обработано: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Несколько рабочих областей совпадает, использована первая рабочая область.",
      "loc.messages.LIB_WhichNotFound_Linux": "Не удалось найти исполняемый файл: \"%s\". Убедитесь, что путь к файлу существует и файл можно найти в каталоге, указанном переменной окружения PATH. Также проверьте режим файла, чтобы убедиться, что файл является исполняемым.",
      "loc.messages.LIB_WhichNotFound_Win": "Не удалось найти исполняемый файл: \"%s\". Убедитесь, что путь к файлу существует и что файл можно найти в каталоге, указанном переменной окружения PATH. Также убедитесь, что у файла есть допустимое расширение для исполняемого файла."
    },
    "zh-CN": {
      "loc.messages.LIB_CopyFileFailed": "复制文件时出错。剩余尝试次数: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "目录堆栈为空",
      "loc.messages.LIB_EndpointAuthNotExist": "终结点授权数据不存在: %s",
      "loc.messages.LIB_EndpointDataNotExist": "终结点数据参数 %s 不存在: %s",
      "loc.messages.LIB_EndpointNotExist": "终结点不存在: %s",
      "loc.messages.LIB_FailOnCode": "故障返回代码: %d",
      "loc.messages.LIB_InputRequired": "输入必需项: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "终结点验证无效: %s",
      "loc.messages.LIB_InvalidPattern": "无效的模式: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "无效的安全文件输入: %s",
      "loc.messages.LIB_LocStringNotFound": "无法找到关键字的本地字符串: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "此版本的 OSX/Linux 生成代理不支持来自某个测试运行的多文件合并测试结果，在 VSO/TFS 中，每个测试结果文件都将作为单独的测试运行进行发布。",
      "loc.messages.LIB_MkdirFailed": "无法创建目录“%s”。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "无法创建目录“%s”。存在冲突文件:“%s”",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "无法创建目录“%s”。根目录不存在:“%s”",
      "loc.messages.LIB_MkdirFailedInvalidShare": "无法创建目录“%s”。无法验证“%s”目录是否存在。如果目录是文件共享，请验证共享名称是否正确、共享是否已联机以及当前进程是否有权访问该共享。",
      "loc.messages.LIB_MultilineSecret": "密码不能包含多个行",
      "loc.messages.LIB_NotFoundPreviousDirectory": "找不到以前的目录",
      "loc.messages.LIB_OperationFailed": "%s 失败: %s",
      "loc.messages.LIB_ParameterIsRequired": "未提供 %s",
      "loc.messages.LIB_PathHasNullByte": "路径不能包含 null 字节",
      "loc.messages.LIB_PathIsNotADirectory": "路径不是目录： %s",
      "loc.messages.LIB_PathNotFound": "找不到 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "平台不受支持: %s",
      "loc.messages.LIB_ProcessError": "尝试执行进程“%s”时出错。这可能表示进程启动失败。错误: %s",
      "loc.messages.LIB_ProcessExitCode": "进程“%s”失败，退出代码为 %s",
      "loc.messages.LIB_ProcessStderr": "进程“%s”失败，因为已将一行或多行写入 STDERR 流",
      "loc.messages.LIB_ResourceFileAlreadySet": "资源文件已被设置为 %s",
      "loc.messages.LIB_ResourceFileNotExist": "资源文件不存在: %s",
      "loc.messages.LIB_ResourceFileNotSet": "资源文件尚未设置，无法找到关键字的本地字符串: %s",
      "loc.messages.LIB_ReturnCode": "返回代码: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 流在进程“%s”中发生退出事件 %s 秒内未关闭 。这可能表示子进程继承了 STDIO 流且尚未退出。",
      "loc.messages.LIB_UndefinedNodeVersion": "节点版本未定义。",
      "loc.messages.LIB_UnhandledEx": "未处理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "出现多个工作区匹配时，使用第一个。",
      "loc.messages.LIB_WhichNotFound_Linux": "无法定位可执行文件: \"%s\"。请验证文件路径是否存在或文件是否可在 PATH 环境变量指定的目录内找到。另请检查文件模式以验证文件是否可执行。",
      "loc.messages.LIB_WhichNotFound_Win": "无法定位可执行文件: \"%s\"。请验证文件路径是否存在或文件是否可在 PATH 环境变量指定的目录内找到。另请验证该文件是否具有可执行文件的有效扩展名。"
    },
    "zh-TW": {
      "loc.messages.LIB_CopyFileFailed": "複製檔案時發生錯誤。剩餘嘗試次數: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "目錄堆疊是空的",
      "loc.messages.LIB_EndpointAuthNotExist": "端點驗證資料不存在: %s",
      "loc.messages.LIB_EndpointDataNotExist": "端點資料參數 %s 不存在: %s",
      "loc.messages.LIB_EndpointNotExist": "端點不存在: %s",
      "loc.messages.LIB_FailOnCode": "傳回程式碼失敗: %d",
      "loc.messages.LIB_InputRequired": "需要輸入內容: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "端點驗證無效: %s",
      "loc.messages.LIB_InvalidPattern": "模式無效: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "安全檔案輸入無效: %s",
      "loc.messages.LIB_LocStringNotFound": "找不到索引鍵的 loc 字串: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "OSX/Linux 的此版本組建代理程式不支援將多個檔案的測試結果合併至單一測試回合，每個測試結果檔案將作為個別測試回合在 VSO/TFS 中發行。",
      "loc.messages.LIB_MkdirFailed": "無法建立目錄 '%s'。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "無法建立目錄 '%s'。存在衝突的檔案: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "無法建立目錄 '%s'。根目錄不存在: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "無法建立目錄 '%s'。無法驗證目錄是否存在: '%s'。如果目錄是檔案共用，請驗證共用名稱正確、共用在線上，而且目前的流程具有存取共用的權限。",
      "loc.messages.LIB_MultilineSecret": "祕密不得包含多個行",
      "loc.messages.LIB_NotFoundPreviousDirectory": "找不到之前的目錄",
      "loc.messages.LIB_OperationFailed": "%s 失敗: %s",
      "loc.messages.LIB_ParameterIsRequired": "未提供 %s",
      "loc.messages.LIB_PathHasNullByte": "路徑不能包含 null 位元組",
      "loc.messages.LIB_PathIsNotADirectory": "路徑不是目錄： %s",
      "loc.messages.LIB_PathNotFound": "找不到 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "不支援的平台: %s",
      "loc.messages.LIB_ProcessError": "嘗試執行處理序 '%s' 時發生錯誤。這可能表示處理序無法啟動。錯誤: %s",
      "loc.messages.LIB_ProcessExitCode": "處理序 '%s' 失敗，結束代碼為 %s",
      "loc.messages.LIB_ProcessStderr": "因為 STDERR 資料流中寫入了一或多行程式碼，所以處理序 '%s' 失敗",
      "loc.messages.LIB_ResourceFileAlreadySet": "資源檔案已設定至: %s",
      "loc.messages.LIB_ResourceFileNotExist": "資源檔案不存在: %s",
      "loc.messages.LIB_ResourceFileNotSet": "尚未設定資源檔案，找不到索引鍵的 loc 字串: %s",
      "loc.messages.LIB_ReturnCode": "傳回程式碼: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 資料流未在 %s 秒內關閉 (從處理序 '%s' 結束事件發生後算起)。這可能表示子處理序繼承了 STDIO 資料流且尚未結束。",
      "loc.messages.LIB_UndefinedNodeVersion": "未定義節點版本。",
      "loc.messages.LIB_UnhandledEx": "未經處理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "多個工作區相符。請先使用。",
      "loc.messages.LIB_WhichNotFound_Linux": "找不到可執行檔: '%s'。請確認檔案路徑存在，或檔案可以在 PATH 環境變數指定的目錄中找到。另請檢查檔案模式，確認檔案可以執行。",
      "loc.messages.LIB_WhichNotFound_Win": "找不到可執行檔: '%s'。請確認檔案路徑存在，或檔案可以在 PATH 環境變數指定的目錄中找到。另請確認檔案具備有效的可執行檔副檔名。"
    }
  }
};


/***/ }),

/***/ 358:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getPlatform = exports.osType = exports.writeFile = exports.exist = exports.stats = exports.debug = exports.error = exports.warning = exports.command = exports.setTaskVariable = exports.getTaskVariable = exports.getSecureFileTicket = exports.getSecureFileName = exports.getEndpointAuthorization = exports.getEndpointAuthorizationParameterRequired = exports.getEndpointAuthorizationParameter = exports.getEndpointAuthorizationSchemeRequired = exports.getEndpointAuthorizationScheme = exports.getEndpointDataParameterRequired = exports.getEndpointDataParameter = exports.getEndpointUrlRequired = exports.getEndpointUrl = exports.getPathInputRequired = exports.getPathInput = exports.filePathSupplied = exports.getDelimitedInput = exports.getPipelineFeature = exports.getBoolFeatureFlag = exports.getBoolInput = exports.getInputRequired = exports.getInput = exports.setSecret = exports.setVariable = exports.getVariables = exports.assertAgent = exports.getVariable = exports.loc = exports.setResourcePath = exports.setSanitizedResult = exports.setResult = exports.setErrStream = exports.setStdStream = exports.AgentHostedMode = exports.Platform = exports.IssueSource = exports.FieldType = exports.ArtifactType = exports.IssueType = exports.TaskState = exports.TaskResult = void 0;
exports.defaultAllowedVsoCommands = exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createExternalOutputStream = exports.updateReleaseName = exports.addBuildTag = exports.updateBuildNumber = exports.uploadBuildLog = exports.associateArtifact = exports.uploadArtifact = exports.logIssue = exports.logDetail = exports.setProgress = exports.setEndpoint = exports.addAttachment = exports.uploadSummary = exports.prependPath = exports.uploadFile = exports.CodeCoverageEnabler = exports.CodeCoveragePublisher = exports.TestPublisher = exports.getHttpCertConfiguration = exports.getHttpProxyConfiguration = exports.findMatch = exports.filter = exports.match = exports.tool = exports.execSync = exports.exec = exports.execAsync = exports.rmRF = exports.legacyFindFiles = exports.find = exports.retry = exports.mv = exports.cp = exports.ls = exports.which = exports.resolve = exports.mkdirP = exports.popd = exports.pushd = exports.cd = exports.checkPath = exports.cwd = exports.getSprint = exports.getAgentMode = exports.getNodeMajorVersion = void 0;
var childProcess = __nccwpck_require__(5317);
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(3772);
var im = __nccwpck_require__(8202);
var tcm = __nccwpck_require__(8373);
var trm = __nccwpck_require__(419);
var eom = __nccwpck_require__(6037);
var semver = __nccwpck_require__(9318);
var TaskResult;
(function (TaskResult) {
    TaskResult[TaskResult["Succeeded"] = 0] = "Succeeded";
    TaskResult[TaskResult["SucceededWithIssues"] = 1] = "SucceededWithIssues";
    TaskResult[TaskResult["Failed"] = 2] = "Failed";
    TaskResult[TaskResult["Cancelled"] = 3] = "Cancelled";
    TaskResult[TaskResult["Skipped"] = 4] = "Skipped";
})(TaskResult = exports.TaskResult || (exports.TaskResult = {}));
var TaskState;
(function (TaskState) {
    TaskState[TaskState["Unknown"] = 0] = "Unknown";
    TaskState[TaskState["Initialized"] = 1] = "Initialized";
    TaskState[TaskState["InProgress"] = 2] = "InProgress";
    TaskState[TaskState["Completed"] = 3] = "Completed";
})(TaskState = exports.TaskState || (exports.TaskState = {}));
var IssueType;
(function (IssueType) {
    IssueType[IssueType["Error"] = 0] = "Error";
    IssueType[IssueType["Warning"] = 1] = "Warning";
})(IssueType = exports.IssueType || (exports.IssueType = {}));
var ArtifactType;
(function (ArtifactType) {
    ArtifactType[ArtifactType["Container"] = 0] = "Container";
    ArtifactType[ArtifactType["FilePath"] = 1] = "FilePath";
    ArtifactType[ArtifactType["VersionControl"] = 2] = "VersionControl";
    ArtifactType[ArtifactType["GitRef"] = 3] = "GitRef";
    ArtifactType[ArtifactType["TfvcLabel"] = 4] = "TfvcLabel";
})(ArtifactType = exports.ArtifactType || (exports.ArtifactType = {}));
var FieldType;
(function (FieldType) {
    FieldType[FieldType["AuthParameter"] = 0] = "AuthParameter";
    FieldType[FieldType["DataParameter"] = 1] = "DataParameter";
    FieldType[FieldType["Url"] = 2] = "Url";
})(FieldType = exports.FieldType || (exports.FieldType = {}));
exports.IssueSource = im.IssueSource;
/** Platforms supported by our build agent */
var Platform;
(function (Platform) {
    Platform[Platform["Windows"] = 0] = "Windows";
    Platform[Platform["MacOS"] = 1] = "MacOS";
    Platform[Platform["Linux"] = 2] = "Linux";
})(Platform = exports.Platform || (exports.Platform = {}));
var AgentHostedMode;
(function (AgentHostedMode) {
    AgentHostedMode[AgentHostedMode["Unknown"] = 0] = "Unknown";
    AgentHostedMode[AgentHostedMode["SelfHosted"] = 1] = "SelfHosted";
    AgentHostedMode[AgentHostedMode["MsHosted"] = 2] = "MsHosted";
})(AgentHostedMode = exports.AgentHostedMode || (exports.AgentHostedMode = {}));
var SPRINT_ONE_START_UTC_MS = Date.UTC(2010, 7, 14, 0, 0, 0, 0);
var DAYS_PER_WEEK = 7;
var DAYS_PER_SPRINT = 21;
var MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
exports.setStdStream = im._setStdStream;
exports.setErrStream = im._setErrStream;
function setResult(result, message, done) {
    (0, exports.debug)('task result: ' + TaskResult[result]);
    // add an error issue
    if (result == TaskResult.Failed && message) {
        (0, exports.error)(message, exports.IssueSource.TaskInternal);
    }
    else if (result == TaskResult.SucceededWithIssues && message) {
        (0, exports.warning)(message, exports.IssueSource.TaskInternal);
    }
    // task.complete
    var properties = { 'result': TaskResult[result] };
    if (done) {
        properties['done'] = 'true';
    }
    (0, exports.command)('task.complete', properties, message);
}
exports.setResult = setResult;
/**
 * Sets the result of the task with sanitized message.
 *
 * @param result    TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message   A message which will be logged as an error issue if the result is Failed. Message will be truncated
 *                  before first occurence of wellknown sensitive keyword.
 * @param done      Optional. Instructs the agent the task is done. This is helpful when child processes
 *                  may still be running and prevent node from fully exiting. This argument is supported
 *                  from agent version 2.142.0 or higher (otherwise will no-op).
 * @returns         void
 */
function setSanitizedResult(result, message, done) {
    var pattern = /password|key|secret|bearer|authorization|token|pat/i;
    var sanitizedMessage = im._truncateBeforeSensitiveKeyword(message, pattern);
    setResult(result, sanitizedMessage, done);
}
exports.setSanitizedResult = setSanitizedResult;
//
// Catching all exceptions
//
process.on('uncaughtException', function (err) {
    if (!im.isSigPipeError(err)) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_UnhandledEx', err.message));
        (0, exports.error)(String(err.stack), im.IssueSource.TaskInternal);
    }
});
//
// Catching unhandled rejections from promises and rethrowing them as exceptions
// For example, a promise that is rejected but not handled by a .catch() handler in node 10
// doesn't cause an uncaughtException but causes in Node 16.
// For types definitions(Error | Any) see https://nodejs.org/docs/latest-v16.x/api/process.html#event-unhandledrejection
//
process.on('unhandledRejection', function (reason) {
    if (reason instanceof Error) {
        throw reason;
    }
    else {
        throw new Error(reason);
    }
});
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
exports.setResourcePath = im._setResourcePath;
exports.loc = im._loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
exports.getVariable = im._getVariable;
/**
 * Asserts the agent version is at least the specified minimum.
 *
 * @param    minimum    minimum version version - must be 2.104.1 or higher
 */
function assertAgent(minimum) {
    if (semver.lt(minimum, '2.104.1')) {
        throw new Error('assertAgent() requires the parameter to be 2.104.1 or higher');
    }
    var agent = (0, exports.getVariable)('Agent.Version');
    (0, exports.debug)('Detected Agent.Version=' + (agent ? agent : 'undefined'));
    if (agent && semver.lt(agent, minimum)) {
        throw new Error("Agent version ".concat(minimum, " or higher is required. Detected Agent version: ").concat(agent));
    }
}
exports.assertAgent = assertAgent;
/**
 * Gets a snapshot of the current state of all job variables available to the task.
 * Requires a 2.104.1 agent or higher for full functionality.
 *
 * Limitations on an agent prior to 2.104.1:
 *  1) The return value does not include all public variables. Only public variables
 *     that have been added using setVariable are returned.
 *  2) The name returned for each secret variable is the formatted environment variable
 *     name, not the actual variable name (unless it was set explicitly at runtime using
 *     setVariable).
 *
 * @returns VariableInfo[]
 */
function getVariables() {
    return Object.keys(im._knownVariableMap)
        .map(function (key) {
        var info = im._knownVariableMap[key];
        return { name: info.name, value: (0, exports.getVariable)(info.name), secret: info.secret };
    });
}
exports.getVariables = getVariables;
/**
 * Sets a variable which will be available to subsequent tasks as well.
 *
 * @param     name     name of the variable to set
 * @param     val      value to set
 * @param     secret   whether variable is secret.  Multi-line secrets are not allowed.  Optional, defaults to false
 * @param     isOutput whether variable is an output variable.  Optional, defaults to false
 * @returns   void
 */
function setVariable(name, val, secret, isOutput) {
    if (secret === void 0) { secret = false; }
    if (isOutput === void 0) { isOutput = false; }
    // once a secret always a secret
    var key = im._getVariableKey(name);
    if (im._knownVariableMap.hasOwnProperty(key)) {
        secret = secret || im._knownVariableMap[key].secret;
    }
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set ' + name + '=' + (secret && varValue ? '********' : varValue));
    if (secret) {
        if (varValue && varValue.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() != 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        im._vault.storeSecret('SECRET_' + key, varValue);
        delete process.env[key];
    }
    else {
        process.env[key] = varValue;
    }
    // store the metadata
    im._knownVariableMap[key] = { name: name, secret: secret };
    // write the setvariable command
    (0, exports.command)('task.setvariable', { 'variable': name || '', isOutput: (isOutput || false).toString(), 'issecret': (secret || false).toString() }, varValue);
}
exports.setVariable = setVariable;
/**
 * Registers a value with the logger, so the value will be masked from the logs.  Multi-line secrets are not allowed.
 *
 * @param val value to register
 */
function setSecret(val) {
    if (val) {
        if (val.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() !== 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        (0, exports.command)('task.setsecret', {}, val);
    }
}
exports.setSecret = setSecret;
/**
 * Gets the value of an input.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string
 */
function getInput(name, required) {
    var inval = im._vault.retrieveSecret('INPUT_' + im._getVariableKey(name));
    if (required && !inval) {
        throw new Error((0, exports.loc)('LIB_InputRequired', name));
    }
    (0, exports.debug)(name + '=' + inval);
    return inval;
}
exports.getInput = getInput;
/**
 * Gets the value of an input.
 * If the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @returns   string
 */
function getInputRequired(name) {
    return getInput(name, true);
}
exports.getInputRequired = getInputRequired;
/**
 * Gets the value of an input and converts to a bool.  Convenience.
 * If required is true and the value is not set, it will throw.
 * If required is false and the value is not set, returns false.
 *
 * @param     name     name of the bool input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   boolean
 */
function getBoolInput(name, required) {
    return (getInput(name, required) || '').toUpperCase() == "TRUE";
}
exports.getBoolInput = getBoolInput;
/**
 * Gets the value of an feature flag and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature flag to get.
 * @param     defaultValue default value of the feature flag in case it's not found in env. (optional. Default value = false)
 * @returns   boolean
 * @deprecated Don't use this for new development. Use getPipelineFeature instead.
 */
function getBoolFeatureFlag(ffName, defaultValue) {
    if (defaultValue === void 0) { defaultValue = false; }
    var ffValue = process.env[ffName];
    if (!ffValue) {
        (0, exports.debug)("Feature flag ".concat(ffName, " not found. Returning ").concat(defaultValue, " as default."));
        return defaultValue;
    }
    (0, exports.debug)("Feature flag ".concat(ffName, " = ").concat(ffValue));
    return ffValue.toLowerCase() === "true";
}
exports.getBoolFeatureFlag = getBoolFeatureFlag;
/**
 * Gets the value of an task feature and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature to get.
 * @returns   boolean
 */
function getPipelineFeature(featureName) {
    var variableName = im._getVariableKey("DistributedTask.Tasks.".concat(featureName));
    var featureValue = process.env[variableName];
    if (!featureValue) {
        (0, exports.debug)("Feature '".concat(featureName, "' not found. Returning false as default."));
        return false;
    }
    var boolValue = featureValue.toLowerCase() === "true";
    (0, exports.debug)("Feature '".concat(featureName, "' = '").concat(featureValue, "'. Processed as '").concat(boolValue, "'."));
    return boolValue;
}
exports.getPipelineFeature = getPipelineFeature;
/**
 * Gets the value of an input and splits the value using a delimiter (space, comma, etc).
 * Empty values are removed.  This function is useful for splitting an input containing a simple
 * list of items - such as build targets.
 * IMPORTANT: Do not use this function for splitting additional args!  Instead use argString(), which
 * follows normal argument splitting rules and handles values encapsulated by quotes.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     delim    delimiter to split on
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string[]
 */
function getDelimitedInput(name, delim, required) {
    var inputVal = getInput(name, required);
    if (!inputVal) {
        return [];
    }
    var result = [];
    inputVal.split(delim).forEach(function (x) {
        if (x) {
            result.push(x);
        }
    });
    return result;
}
exports.getDelimitedInput = getDelimitedInput;
/**
 * Checks whether a path inputs value was supplied by the user
 * File paths are relative with a picker, so an empty path is the root of the repo.
 * Useful if you need to condition work (like append an arg) if a value was supplied
 *
 * @param     name      name of the path input to check
 * @returns   boolean
 */
function filePathSupplied(name) {
    // normalize paths
    var pathValue = this.resolve(this.getPathInput(name) || '');
    var repoRoot = this.resolve((0, exports.getVariable)('build.sourcesDirectory') || (0, exports.getVariable)('system.defaultWorkingDirectory') || '');
    var supplied = pathValue !== repoRoot;
    (0, exports.debug)(name + 'path supplied :' + supplied);
    return supplied;
}
exports.filePathSupplied = filePathSupplied;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If required is true and the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     required  whether input is required.  optional, defaults to false
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInput(name, required, check) {
    var inval = getInput(name, required);
    if (inval) {
        if (check) {
            (0, exports.checkPath)(inval, name);
        }
    }
    return inval;
}
exports.getPathInput = getPathInput;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInputRequired(name, check) {
    return getPathInput(name, true, check);
}
exports.getPathInputRequired = getPathInputRequired;
//-----------------------------------------------------
// Endpoint Helpers
//-----------------------------------------------------
/**
 * Gets the url for a service endpoint
 * If the url was not set and is not optional, it will throw.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointUrl(id, optional) {
    var urlval = process.env['ENDPOINT_URL_' + id];
    if (!optional && !urlval) {
        throw new Error((0, exports.loc)('LIB_EndpointNotExist', id));
    }
    (0, exports.debug)(id + '=' + urlval);
    return urlval;
}
exports.getEndpointUrl = getEndpointUrl;
/**
 * Gets the url for a service endpoint
 * If the url was not set, it will throw.
 *
 * @param     id        name of the service endpoint
 * @returns   string
 */
function getEndpointUrlRequired(id) {
    return getEndpointUrl(id, false);
}
exports.getEndpointUrlRequired = getEndpointUrlRequired;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @param optional whether the endpoint data is optional
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameter(id, key, optional) {
    var dataParamVal = process.env['ENDPOINT_DATA_' + id + '_' + key.toUpperCase()];
    if (!optional && !dataParamVal) {
        throw new Error((0, exports.loc)('LIB_EndpointDataNotExist', id, key));
    }
    (0, exports.debug)(id + ' data ' + key + ' = ' + dataParamVal);
    return dataParamVal;
}
exports.getEndpointDataParameter = getEndpointDataParameter;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameterRequired(id, key) {
    return getEndpointDataParameter(id, key, false);
}
exports.getEndpointDataParameterRequired = getEndpointDataParameterRequired;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationScheme(id, optional) {
    var authScheme = im._vault.retrieveSecret('ENDPOINT_AUTH_SCHEME_' + id);
    if (!optional && !authScheme) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth scheme = ' + authScheme);
    return authScheme;
}
exports.getEndpointAuthorizationScheme = getEndpointAuthorizationScheme;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationSchemeRequired(id) {
    return getEndpointAuthorizationScheme(id, false);
}
exports.getEndpointAuthorizationSchemeRequired = getEndpointAuthorizationSchemeRequired;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @param optional optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameter(id, key, optional) {
    var authParam = im._vault.retrieveSecret('ENDPOINT_AUTH_PARAMETER_' + id + '_' + key.toUpperCase());
    if (!optional && !authParam) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth param ' + key + ' = ' + authParam);
    return authParam;
}
exports.getEndpointAuthorizationParameter = getEndpointAuthorizationParameter;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameterRequired(id, key) {
    return getEndpointAuthorizationParameter(id, key, false);
}
exports.getEndpointAuthorizationParameterRequired = getEndpointAuthorizationParameterRequired;
/**
 * Gets the authorization details for a service endpoint
 * If the authorization was not set and is not optional, it will set the task result to Failed.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointAuthorization(id, optional) {
    var aval = im._vault.retrieveSecret('ENDPOINT_AUTH_' + id);
    if (!optional && !aval) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' exists ' + (!!aval));
    var auth;
    try {
        if (aval) {
            auth = JSON.parse(aval);
        }
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_InvalidEndpointAuth', aval));
    }
    return auth;
}
exports.getEndpointAuthorization = getEndpointAuthorization;
//-----------------------------------------------------
// SecureFile Helpers
//-----------------------------------------------------
/**
 * Gets the name for a secure file
 *
 * @param     id        secure file id
 * @returns   string
 */
function getSecureFileName(id) {
    var name = process.env['SECUREFILE_NAME_' + id];
    (0, exports.debug)('secure file name for id ' + id + ' = ' + name);
    return name;
}
exports.getSecureFileName = getSecureFileName;
/**
  * Gets the secure file ticket that can be used to download the secure file contents
  *
  * @param id name of the secure file
  * @returns {string} secure file ticket
  */
function getSecureFileTicket(id) {
    var ticket = im._vault.retrieveSecret('SECUREFILE_TICKET_' + id);
    (0, exports.debug)('secure file ticket for id ' + id + ' = ' + ticket);
    return ticket;
}
exports.getSecureFileTicket = getSecureFileTicket;
//-----------------------------------------------------
// Task Variable Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is set by previous step from the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function getTaskVariable(name) {
    assertAgent('2.115.0');
    var inval = im._vault.retrieveSecret('VSTS_TASKVARIABLE_' + im._getVariableKey(name));
    if (inval) {
        inval = inval.trim();
    }
    (0, exports.debug)('task variable: ' + name + '=' + inval);
    return inval;
}
exports.getTaskVariable = getTaskVariable;
/**
 * Sets a task variable which will only be available to subsequent steps belong to the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name    name of the variable to set
 * @param     val     value to set
 * @param     secret  whether variable is secret.  optional, defaults to false
 * @returns   void
 */
function setTaskVariable(name, val, secret) {
    if (secret === void 0) { secret = false; }
    assertAgent('2.115.0');
    var key = im._getVariableKey(name);
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set task variable: ' + name + '=' + (secret && varValue ? '********' : varValue));
    im._vault.storeSecret('VSTS_TASKVARIABLE_' + key, varValue);
    delete process.env[key];
    // write the command
    (0, exports.command)('task.settaskvariable', { 'variable': name || '', 'issecret': (secret || false).toString() }, varValue);
}
exports.setTaskVariable = setTaskVariable;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
exports.command = im._command;
exports.warning = im._warning;
exports.error = im._error;
exports.debug = im._debug;
//-----------------------------------------------------
// Disk Functions
//-----------------------------------------------------
/**
 * Get's stat on a path.
 * Useful for checking whether a file or directory.  Also getting created, modified and accessed time.
 * see [fs.stat](https://nodejs.org/api/fs.html#fs_class_fs_stats)
 *
 * @param     path      path to check
 * @returns   fsStat
 */
function stats(path) {
    return fs.statSync(path);
}
exports.stats = stats;
exports.exist = im._exist;
function writeFile(file, data, options) {
    if (typeof (options) === 'string') {
        fs.writeFileSync(file, data, { encoding: options });
    }
    else {
        fs.writeFileSync(file, data, options);
    }
}
exports.writeFile = writeFile;
/**
 * @deprecated Use `getPlatform`
 * Useful for determining the host operating system.
 * see [os.type](https://nodejs.org/api/os.html#os_os_type)
 *
 * @return      the name of the operating system
 */
function osType() {
    return os.type();
}
exports.osType = osType;
/**
 * Determine the operating system the build agent is running on.
 * @returns {Platform}
 * @throws {Error} Platform is not supported by our agent
 */
function getPlatform() {
    switch (process.platform) {
        case 'win32': return Platform.Windows;
        case 'darwin': return Platform.MacOS;
        case 'linux': return Platform.Linux;
        default: throw Error((0, exports.loc)('LIB_PlatformNotSupported', process.platform));
    }
}
exports.getPlatform = getPlatform;
/**
 * Resolves major version of Node.js engine used by the agent.
 * @returns {Number} Node's major version.
 */
function getNodeMajorVersion() {
    var _a;
    var version = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node;
    if (!version) {
        throw new Error((0, exports.loc)('LIB_UndefinedNodeVersion'));
    }
    var parts = version.split('.').map(Number);
    if (parts.length < 1) {
        return NaN;
    }
    return parts[0];
}
exports.getNodeMajorVersion = getNodeMajorVersion;
/**
 * Return hosted type of Agent
 * @returns {AgentHostedMode}
 */
function getAgentMode() {
    var agentCloudId = (0, exports.getVariable)('Agent.CloudId');
    if (agentCloudId === undefined)
        return AgentHostedMode.Unknown;
    if (agentCloudId)
        return AgentHostedMode.MsHosted;
    return AgentHostedMode.SelfHosted;
}
exports.getAgentMode = getAgentMode;
/**
 * Calculates sprint and week using the same cadence as whatsprintis.it.
 *
 * @param date Optional date to evaluate. Defaults to the current date/time.
 * @returns SprintInfo with `sprint` and `week` properties.
 */
function getSprint(date) {
    var targetDate = date || new Date();
    var elapsedDays = Math.floor((targetDate.getTime() - SPRINT_ONE_START_UTC_MS) / MILLISECONDS_PER_DAY);
    var sprintIndex = Math.floor(elapsedDays / DAYS_PER_SPRINT);
    var dayWithinSprint = ((elapsedDays % DAYS_PER_SPRINT) + DAYS_PER_SPRINT) % DAYS_PER_SPRINT;
    return {
        sprint: sprintIndex + 1,
        week: Math.floor(dayWithinSprint / DAYS_PER_WEEK) + 1
    };
}
exports.getSprint = getSprint;
/**
 * Returns the process's current working directory.
 * see [process.cwd](https://nodejs.org/api/process.html#process_process_cwd)
 *
 * @return      the path to the current working directory of the process
 */
function cwd() {
    return process.cwd();
}
exports.cwd = cwd;
exports.checkPath = im._checkPath;
/**
 * Change working directory.
 *
 * @param   {string} path - New working directory path
 * @returns {void}
 */
function cd(path) {
    if (path === '-') {
        if (!process.env.OLDPWD) {
            throw new Error((0, exports.loc)('LIB_NotFoundPreviousDirectory'));
        }
        else {
            path = process.env.OLDPWD;
        }
    }
    if (path === '~') {
        path = os.homedir();
    }
    if (!fs.existsSync(path)) {
        throw new Error((0, exports.loc)('LIB_PathNotFound', 'cd', path));
    }
    if (!fs.statSync(path).isDirectory()) {
        throw new Error((0, exports.loc)('LIB_PathIsNotADirectory', path));
    }
    try {
        var currentPath = process.cwd();
        process.chdir(path);
        process.env.OLDPWD = currentPath;
    }
    catch (error) {
        (0, exports.debug)((0, exports.loc)('LIB_OperationFailed', 'cd', error));
    }
}
exports.cd = cd;
var dirStack = [];
function getActualStack() {
    return [process.cwd()].concat(dirStack);
}
/**
 * Change working directory and push it on the stack
 *
 * @param   {string} dir - New working directory path
 * @returns {void}
 */
function pushd(dir) {
    if (dir === void 0) { dir = ''; }
    var dirs = getActualStack();
    var maybeIndex = parseInt(dir);
    if (dir === '+0') {
        return dirs;
    }
    else if (dir.length === 0) {
        if (dirs.length > 1) {
            dirs.splice.apply(dirs, __spreadArray([0, 0], dirs.splice(1, 1), false));
        }
        else {
            throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
        }
    }
    else if (!isNaN(maybeIndex)) {
        if (maybeIndex < dirStack.length + 1) {
            maybeIndex = dir.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
        }
        dirs.splice.apply(dirs, __spreadArray([0, dirs.length], dirs.slice(maybeIndex).concat(dirs.slice(0, maybeIndex)), false));
    }
    else {
        dirs.unshift(dir);
    }
    var _path = path.resolve(dirs.shift());
    try {
        cd(_path);
    }
    catch (error) {
        if (!fs.existsSync(_path)) {
            throw new Error((0, exports.loc)('Not found', 'pushd', _path));
        }
        throw error;
    }
    dirStack.splice.apply(dirStack, __spreadArray([0, dirStack.length], dirs, false));
    return getActualStack();
}
exports.pushd = pushd;
/**
 * Change working directory back to previously pushed directory
 *
 * @param   {string} index - Index to remove from the stack
 * @returns {void}
 */
function popd(index) {
    if (index === void 0) { index = ''; }
    if (dirStack.length === 0) {
        throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
    }
    var maybeIndex = parseInt(index);
    if (isNaN(maybeIndex)) {
        maybeIndex = 0;
    }
    else if (maybeIndex < dirStack.length + 1) {
        maybeIndex = index.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
    }
    if (maybeIndex > 0 || dirStack.length + maybeIndex === 0) {
        maybeIndex = maybeIndex > 0 ? maybeIndex - 1 : maybeIndex;
        dirStack.splice(maybeIndex, 1);
    }
    else {
        var _path = path.resolve(dirStack.shift());
        cd(_path);
    }
    return getActualStack();
}
exports.popd = popd;
/**
 * Make a directory. Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   {string} p - Path to create
 * @returns {void}
 */
function mkdirP(p) {
    if (!p) {
        throw new Error((0, exports.loc)('LIB_ParameterIsRequired', 'p'));
    }
    // build a stack of directories to create
    var stack = [];
    var testDir = p;
    while (true) {
        // validate the loop is not out of control
        if (stack.length >= Number(process.env['TASKLIB_TEST_MKDIRP_FAILSAFE'] || 1000)) {
            // let the framework throw
            (0, exports.debug)('loop is out of control');
            fs.mkdirSync(p);
            return;
        }
        (0, exports.debug)("testing directory '".concat(testDir, "'"));
        var stats_1 = void 0;
        try {
            stats_1 = fs.statSync(testDir);
        }
        catch (err) {
            if (err.code == 'ENOENT') {
                // validate the directory is not the drive root
                var parentDir = path.dirname(testDir);
                if (testDir == parentDir) {
                    throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidDriveRoot', p, testDir)); // Unable to create directory '{p}'. Root directory does not exist: '{testDir}'
                }
                // push the dir and test the parent
                stack.push(testDir);
                testDir = parentDir;
                continue;
            }
            else if (err.code == 'UNKNOWN') {
                throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidShare', p, testDir)); // Unable to create directory '{p}'. Unable to verify the directory exists: '{testDir}'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.
            }
            else {
                throw err;
            }
        }
        if (!stats_1.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_MkdirFailedFileExists', p, testDir)); // Unable to create directory '{p}'. Conflicting file exists: '{testDir}'
        }
        // testDir exists
        break;
    }
    // create each directory
    while (stack.length) {
        var dir = stack.pop(); // non-null because `stack.length` was truthy
        (0, exports.debug)("mkdir '".concat(dir, "'"));
        try {
            fs.mkdirSync(dir);
        }
        catch (err) {
            throw new Error((0, exports.loc)('LIB_MkdirFailed', p, err.message)); // Unable to create directory '{p}'. {err.message}
        }
    }
}
exports.mkdirP = mkdirP;
/**
 * Resolves a sequence of paths or path segments into an absolute path.
 * Calls node.js path.resolve()
 * Allows L0 testing with consistent path formats on Mac/Linux and Windows in the mock implementation
 * @param pathSegments
 * @returns {string}
 */
function resolve() {
    var pathSegments = [];
    for (var _i = 0; _i < arguments.length; _i++) {
        pathSegments[_i] = arguments[_i];
    }
    var absolutePath = path.resolve.apply(this, pathSegments);
    (0, exports.debug)('Absolute path for pathSegments: ' + pathSegments + ' = ' + absolutePath);
    return absolutePath;
}
exports.resolve = resolve;
exports.which = im._which;
/**
 * Returns array of files in the given path, or in current directory if no path provided.
 * @param  {unknown}   optionsOrPaths  - Available options: -R (recursive), -A (all files, include files beginning with ., except for . and ..)
 * @param  {unknown[]} paths           - Paths to search.
 * @return {string[]}                  - An array of files in the given path(s).
 */
function ls(optionsOrPaths) {
    var paths = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        paths[_i - 1] = arguments[_i];
    }
    var isRecursive = false;
    var includeHidden = false;
    if (typeof optionsOrPaths === 'string' && optionsOrPaths.startsWith('-')) {
        var options = String(optionsOrPaths).toLowerCase();
        isRecursive = options.includes('r');
        includeHidden = options.includes('a');
    }
    if (Array.isArray(paths)) {
        paths = flattenArray(paths);
    }
    // If the first argument is not options, then it is a path
    if (typeof optionsOrPaths !== 'string' || !optionsOrPaths.startsWith('-')) {
        var pathsFromOptions = [];
        if (Array.isArray(optionsOrPaths)) {
            pathsFromOptions = optionsOrPaths;
        }
        else if (optionsOrPaths && typeof optionsOrPaths === 'string') {
            pathsFromOptions = [optionsOrPaths];
        }
        if (paths === undefined || paths.length === 0) {
            paths = pathsFromOptions;
        }
        else {
            paths.push.apply(paths, pathsFromOptions);
        }
    }
    if (paths.length === 0) {
        paths.push(path.resolve('.'));
    }
    var pathsCopy = __spreadArray([], paths, true);
    var preparedPaths = [];
    var fileEntries = [];
    try {
        var remainingPaths = [];
        while (paths.length > 0) {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                remainingPaths.push(pathEntry);
                continue;
            }
            var stats_2 = fs.lstatSync(pathEntry);
            if (stats_2.isFile()) {
                var fileName = path.basename(pathEntry);
                fileEntries.push(fileName);
            }
            else {
                remainingPaths.push(pathEntry);
            }
        }
        paths.push.apply(paths, remainingPaths);
        var _loop_1 = function () {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                paths.push.apply(paths, findMatch(path.dirname(pathEntry), [path.basename(pathEntry)]));
                return "continue";
            }
            if (fs.lstatSync(pathEntry).isDirectory()) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(pathEntry).map(function (file) { return path.join(pathEntry, file); }));
            }
            else {
                preparedPaths.push(pathEntry);
            }
        };
        while (paths.length > 0) {
            _loop_1();
        }
        var entries = [];
        var _loop_2 = function () {
            var entry = preparedPaths.shift();
            var entrybasename = path.basename(entry);
            if (entry === null || entry === void 0 ? void 0 : entry.includes('*')) {
                preparedPaths.push.apply(preparedPaths, findMatch(path.dirname(entry), [entrybasename]));
                return "continue";
            }
            if (!includeHidden && entrybasename.startsWith('.') && entrybasename !== '.' && entrybasename !== '..') {
                return "continue";
            }
            var baseDir = safeFind(pathsCopy, function (p) { return entry.startsWith(path.resolve(p)); }) || path.resolve('.');
            if (fs.lstatSync(entry).isDirectory() && isRecursive) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(entry).map(function (x) { return path.join(entry, x); }));
                entries.push(path.relative(baseDir, entry));
            }
            else {
                entries.push(path.relative(baseDir, entry));
            }
        };
        while (preparedPaths.length > 0) {
            _loop_2();
        }
        var finalResults = __spreadArray(__spreadArray([], fileEntries, true), entries, true);
        return finalResults;
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'ls', error.message));
        }
        else {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'ls', error));
        }
    }
}
exports.ls = ls;
function flattenArray(arr) {
    return arr.reduce(function (flat, toFlatten) {
        return flat.concat(Array.isArray(toFlatten) ? flattenArray(toFlatten) : toFlatten);
    }, []);
}
/**
 * Copies a file or folder.
 * @param   {string}  sourceOrOptions          - Either the source path or an option string '-r', '-f' , '-n' or '-rfn' for recursive, force and no-clobber.
 * @param   {string}  destinationOrSource      - Destination path or the source path.
 * @param   {string}  [optionsOrDestination]   - Options string or the destination path.
 * @param   {boolean} [continueOnError=false]  - Optional. Whether to continue on error.
 * @param   {number}  [retryCount=0]           - Optional. Retry count to copy the file. It might help to resolve intermittent issues e.g. with UNC target paths on a remote host.
 * @returns {void}
 */
function cp(sourceOrOptions, destinationOrSource, optionsOrDestination, continueOnError, retryCount) {
    if (continueOnError === void 0) { continueOnError = false; }
    if (retryCount === void 0) { retryCount = 0; }
    retry(function () {
        var recursive = false;
        var force = true;
        var source = String(sourceOrOptions);
        var destination = destinationOrSource;
        var options = '';
        if (typeof sourceOrOptions === 'string' && sourceOrOptions.startsWith('-')) {
            options = sourceOrOptions.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = destinationOrSource;
            destination = String(optionsOrDestination);
        }
        else if (typeof optionsOrDestination === 'string' && optionsOrDestination && optionsOrDestination.startsWith('-')) {
            options = optionsOrDestination.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = String(sourceOrOptions);
            destination = destinationOrSource;
        }
        if (!fs.existsSync(destination) && !force) {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'cp', destination));
        }
        var isPattern = /[*?{\[]/.test(source) || /[@+!]\(/.test(source);
        if (isPattern) {
            var defaultRoot = (0, exports.getVariable)('system.defaultWorkingDirectory') || process.cwd();
            var matches = findMatch(defaultRoot, [source], undefined, { nonegate: true, nocomment: true });
            var resolvedMatches = matches.filter(function (src) { return path.resolve(src) !== path.resolve(source); });
            for (var _i = 0, resolvedMatches_1 = resolvedMatches; _i < resolvedMatches_1.length; _i++) {
                var src = resolvedMatches_1[_i];
                cp(src, destination, options, continueOnError, retryCount);
            }
            if (matches.length > 0 && resolvedMatches.length === matches.length) {
                return;
            }
            if (matches.length === 0) {
                (0, exports.debug)("No matches found for the pattern: ".concat(source, ". Fallback to check for the literal path."));
            }
        }
        var lstatSource = fs.lstatSync(source);
        if (!recursive && lstatSource.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_CopyDirectoryWithoutRecursiveOption', source));
        }
        if (!force && fs.existsSync(destination)) {
            return;
        }
        try {
            if (fs.existsSync(destination) && fs.lstatSync(destination).isDirectory()) {
                destination = path.join(destination, path.basename(source));
            }
            copyWithPreservedSymlinks(source, destination, force);
        }
        catch (error) {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'cp', error));
        }
    }, [], { retryCount: retryCount, continueOnError: continueOnError });
}
exports.cp = cp;
var copyWithPreservedSymlinks = function (source, destination, force) {
    var lstatSource = fs.lstatSync(source);
    if (lstatSource.isSymbolicLink()) {
        var symlinkTarget = fs.readlinkSync(source);
        if (force && fs.existsSync(destination)) {
            var destStats = fs.lstatSync(destination);
            if (destStats.isSymbolicLink()) {
                fs.unlinkSync(destination);
            }
            else {
                fs.rmSync(destination, { recursive: true, force: true });
            }
        }
        fs.symlinkSync(symlinkTarget, destination);
    }
    else if (lstatSource.isFile()) {
        if (force) {
            fs.copyFileSync(source, destination);
        }
        else {
            fs.copyFileSync(source, destination, fs.constants.COPYFILE_EXCL);
        }
    }
    else {
        var entries = fs.readdirSync(source, { withFileTypes: true });
        if (!fs.existsSync(destination)) {
            fs.mkdirSync(destination, { recursive: true });
        }
        for (var _i = 0, entries_1 = entries; _i < entries_1.length; _i++) {
            var entry = entries_1[_i];
            var srcPath = path.join(source, entry.name);
            var destPath = path.join(destination, entry.name);
            copyWithPreservedSymlinks(srcPath, destPath, force);
        }
    }
};
/**
 * Moves a path.
 *
 * @param  {string}              source            - Source path.
 * @param  {string}              dest              - Destination path.
 * @param  {MoveOptionsVariants} [options]         - Option string -f or -n for force and no clobber.
 * @param  {boolean}             [continueOnError] - Optional. Whether to continue on error.
 * @returns {void}
 */
function mv(source, dest, options, continueOnError) {
    var force = false;
    if (options && typeof options === 'string' && options.startsWith('-')) {
        var lowercasedOptions = String(options).toLowerCase();
        force = lowercasedOptions.includes('f') && !lowercasedOptions.includes('n');
    }
    var sourceExists = fs.existsSync(source);
    var destExists = fs.existsSync(dest);
    var sources = [];
    try {
        if (!sourceExists) {
            if (source.includes('*')) {
                sources.push.apply(sources, findMatch(path.resolve(path.dirname(source)), [path.basename(source)]));
            }
            else {
                throw new Error((0, exports.loc)('LIB_PathNotFound', 'mv', source));
            }
        }
        else {
            sources.push(source);
        }
        if (destExists && !force) {
            throw new Error("File already exists at ".concat(dest));
        }
        for (var _i = 0, sources_1 = sources; _i < sources_1.length; _i++) {
            var source_1 = sources_1[_i];
            fs.renameSync(source_1, dest);
        }
    }
    catch (error) {
        (0, exports.debug)('mv failed');
        var errMsg = (0, exports.loc)('LIB_OperationFailed', 'mv', error);
        (0, exports.debug)(errMsg);
        if (!continueOnError) {
            throw new Error(errMsg);
        }
    }
}
exports.mv = mv;
/**
 * Tries to execute a function a specified number of times.
 *
 * @param   func            a function to be executed.
 * @param   args            executed function arguments array.
 * @param   retryOptions    optional. Defaults to { continueOnError: false, retryCount: 0 }.
 * @returns the same as the usual function.
 */
function retry(func, args, retryOptions) {
    if (retryOptions === void 0) { retryOptions = { continueOnError: false, retryCount: 0 }; }
    while (retryOptions.retryCount >= 0) {
        try {
            return func.apply(void 0, args);
        }
        catch (e) {
            if (retryOptions.retryCount <= 0) {
                if (retryOptions.continueOnError) {
                    (0, exports.warning)(e, exports.IssueSource.TaskInternal);
                    break;
                }
                else {
                    throw e;
                }
            }
            else {
                (0, exports.debug)("Attempt to execute function \"".concat(func === null || func === void 0 ? void 0 : func.name, "\" failed, retries left: ").concat(retryOptions.retryCount));
                retryOptions.retryCount--;
            }
        }
    }
}
exports.retry = retry;
/**
 * Gets info about item stats.
 *
 * @param path                      a path to the item to be processed.
 * @param followSymbolicLink        indicates whether to traverse descendants of symbolic link directories.
 * @param allowBrokenSymbolicLinks  when true, broken symbolic link will not cause an error.
 * @returns fs.Stats
 */
function _getStats(path, followSymbolicLink, allowBrokenSymbolicLinks) {
    // stat returns info about the target of a symlink (or symlink chain),
    // lstat returns info about a symlink itself
    var stats;
    if (followSymbolicLink) {
        try {
            // use stat (following symlinks)
            stats = fs.statSync(path);
        }
        catch (err) {
            if (err.code == 'ENOENT' && allowBrokenSymbolicLinks) {
                // fallback to lstat (broken symlinks allowed)
                stats = fs.lstatSync(path);
                (0, exports.debug)("  ".concat(path, " (broken symlink)"));
            }
            else {
                throw err;
            }
        }
    }
    else {
        // use lstat (not following symlinks)
        stats = fs.lstatSync(path);
    }
    return stats;
}
/**
 * Recursively finds all paths a given path. Returns an array of paths.
 *
 * @param     findPath  path to search
 * @param     options   optional. defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @returns   string[]
 */
function find(findPath, options) {
    if (!findPath) {
        (0, exports.debug)('no path specified');
        return [];
    }
    // normalize the path, otherwise the first result is inconsistently formatted from the rest of the results
    // because path.join() performs normalization.
    findPath = path.normalize(findPath);
    // debug trace the parameters
    (0, exports.debug)("findPath: '".concat(findPath, "'"));
    options = options || _getDefaultFindOptions();
    _debugFindOptions(options);
    // return empty if not exists
    try {
        fs.lstatSync(findPath);
    }
    catch (err) {
        if (err.code == 'ENOENT') {
            (0, exports.debug)('0 results');
            return [];
        }
        throw err;
    }
    try {
        var result = [];
        // push the first item
        var stack = [new _FindItem(findPath, 1)];
        var traversalChain = []; // used to detect cycles
        var _loop_3 = function () {
            // pop the next item and push to the result array
            var item = stack.pop(); // non-null because `stack.length` was truthy
            var stats_3 = void 0;
            try {
                // `item.path` equals `findPath` for the first item to be processed, when the `result` array is empty
                var isPathToSearch = !result.length;
                // following specified symlinks only if current path equals specified path
                var followSpecifiedSymbolicLink = options.followSpecifiedSymbolicLink && isPathToSearch;
                // following all symlinks or following symlink for the specified path
                var followSymbolicLink = options.followSymbolicLinks || followSpecifiedSymbolicLink;
                // stat the item. The stat info is used further below to determine whether to traverse deeper
                stats_3 = _getStats(item.path, followSymbolicLink, options.allowBrokenSymbolicLinks);
            }
            catch (err) {
                if (err.code == 'ENOENT' && options.skipMissingFiles) {
                    (0, exports.warning)("No such file or directory: \"".concat(item.path, "\" - skipping."), exports.IssueSource.TaskInternal);
                    return "continue";
                }
                throw err;
            }
            result.push(item.path);
            // note, isDirectory() returns false for the lstat of a symlink
            if (stats_3.isDirectory()) {
                (0, exports.debug)("  ".concat(item.path, " (directory)"));
                if (options.followSymbolicLinks) {
                    // get the realpath
                    var realPath_1;
                    if (im._isUncPath(item.path)) {
                        // Sometimes there are spontaneous issues when working with unc-paths, so retries have been added for them.
                        realPath_1 = retry(fs.realpathSync, [item.path], { continueOnError: false, retryCount: 5 });
                    }
                    else {
                        realPath_1 = fs.realpathSync(item.path);
                    }
                    // fixup the traversal chain to match the item level
                    while (traversalChain.length >= item.level) {
                        traversalChain.pop();
                    }
                    // test for a cycle
                    if (traversalChain.some(function (x) { return x == realPath_1; })) {
                        (0, exports.debug)('    cycle detected');
                        return "continue";
                    }
                    // update the traversal chain
                    traversalChain.push(realPath_1);
                }
                // push the child items in reverse onto the stack
                var childLevel_1 = item.level + 1;
                var childItems = fs.readdirSync(item.path)
                    .map(function (childName) { return new _FindItem(path.join(item.path, childName), childLevel_1); });
                for (var i = childItems.length - 1; i >= 0; i--) {
                    stack.push(childItems[i]);
                }
            }
            else {
                (0, exports.debug)("  ".concat(item.path, " (file)"));
            }
        };
        while (stack.length) {
            _loop_3();
        }
        (0, exports.debug)("".concat(result.length, " results"));
        return result;
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_OperationFailed', 'find', err.message));
    }
}
exports.find = find;
var _FindItem = /** @class */ (function () {
    function _FindItem(path, level) {
        this.path = path;
        this.level = level;
    }
    return _FindItem;
}());
function _debugFindOptions(options) {
    (0, exports.debug)("findOptions.allowBrokenSymbolicLinks: '".concat(options.allowBrokenSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.followSpecifiedSymbolicLink: '".concat(options.followSpecifiedSymbolicLink, "'"));
    (0, exports.debug)("findOptions.followSymbolicLinks: '".concat(options.followSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.skipMissingFiles: '".concat(options.skipMissingFiles, "'"));
}
function _getDefaultFindOptions() {
    return {
        allowBrokenSymbolicLinks: false,
        followSpecifiedSymbolicLink: true,
        followSymbolicLinks: true,
        skipMissingFiles: false
    };
}
/**
 * Prefer tl.find() and tl.match() instead. This function is for backward compatibility
 * when porting tasks to Node from the PowerShell or PowerShell3 execution handler.
 *
 * @param    rootDirectory      path to root unrooted patterns with
 * @param    pattern            include and exclude patterns
 * @param    includeFiles       whether to include files in the result. defaults to true when includeFiles and includeDirectories are both false
 * @param    includeDirectories whether to include directories in the result
 * @returns  string[]
 */
function legacyFindFiles(rootDirectory, pattern, includeFiles, includeDirectories) {
    if (!pattern) {
        throw new Error('pattern parameter cannot be empty');
    }
    (0, exports.debug)("legacyFindFiles rootDirectory: '".concat(rootDirectory, "'"));
    (0, exports.debug)("pattern: '".concat(pattern, "'"));
    (0, exports.debug)("includeFiles: '".concat(includeFiles, "'"));
    (0, exports.debug)("includeDirectories: '".concat(includeDirectories, "'"));
    if (!includeFiles && !includeDirectories) {
        includeFiles = true;
    }
    // organize the patterns into include patterns and exclude patterns
    var includePatterns = [];
    var excludePatterns = [];
    pattern = pattern.replace(/;;/g, '\0');
    for (var _i = 0, _a = pattern.split(';'); _i < _a.length; _i++) {
        var pat = _a[_i];
        if (!pat) {
            continue;
        }
        pat = pat.replace(/\0/g, ';');
        // determine whether include pattern and remove any include/exclude prefix.
        // include patterns start with +: or anything other than -:
        // exclude patterns start with -:
        var isIncludePattern = void 0;
        if (im._startsWith(pat, '+:')) {
            pat = pat.substring(2);
            isIncludePattern = true;
        }
        else if (im._startsWith(pat, '-:')) {
            pat = pat.substring(2);
            isIncludePattern = false;
        }
        else {
            isIncludePattern = true;
        }
        // validate pattern does not end with a slash
        if (im._endsWith(pat, '/') || (process.platform == 'win32' && im._endsWith(pat, '\\'))) {
            throw new Error((0, exports.loc)('LIB_InvalidPattern', pat));
        }
        // root the pattern
        if (rootDirectory && !path.isAbsolute(pat)) {
            pat = path.join(rootDirectory, pat);
            // remove trailing slash sometimes added by path.join() on Windows, e.g.
            //      path.join('\\\\hello', 'world') => '\\\\hello\\world\\'
            //      path.join('//hello', 'world') => '\\\\hello\\world\\'
            if (im._endsWith(pat, '\\')) {
                pat = pat.substring(0, pat.length - 1);
            }
        }
        if (isIncludePattern) {
            includePatterns.push(pat);
        }
        else {
            excludePatterns.push(im._legacyFindFiles_convertPatternToRegExp(pat));
        }
    }
    // find and apply patterns
    var count = 0;
    var result = _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, !!includeFiles, !!includeDirectories);
    (0, exports.debug)('all matches:');
    for (var _b = 0, result_1 = result; _b < result_1.length; _b++) {
        var resultItem = result_1[_b];
        (0, exports.debug)(' ' + resultItem);
    }
    (0, exports.debug)('total matched: ' + result.length);
    return result;
}
exports.legacyFindFiles = legacyFindFiles;
function _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, includeFiles, includeDirectories) {
    (0, exports.debug)('getMatchingItems()');
    for (var _i = 0, includePatterns_1 = includePatterns; _i < includePatterns_1.length; _i++) {
        var pattern = includePatterns_1[_i];
        (0, exports.debug)("includePattern: '".concat(pattern, "'"));
    }
    for (var _a = 0, excludePatterns_1 = excludePatterns; _a < excludePatterns_1.length; _a++) {
        var pattern = excludePatterns_1[_a];
        (0, exports.debug)("excludePattern: ".concat(pattern));
    }
    (0, exports.debug)('includeFiles: ' + includeFiles);
    (0, exports.debug)('includeDirectories: ' + includeDirectories);
    var allFiles = {};
    var _loop_4 = function (pattern) {
        // determine the directory to search
        //
        // note, getDirectoryName removes redundant path separators
        var findPath = void 0;
        var starIndex = pattern.indexOf('*');
        var questionIndex = pattern.indexOf('?');
        if (starIndex < 0 && questionIndex < 0) {
            // if no wildcards are found, use the directory name portion of the path.
            // if there is no directory name (file name only in pattern or drive root),
            // this will return empty string.
            findPath = im._getDirectoryName(pattern);
        }
        else {
            // extract the directory prior to the first wildcard
            var index = Math.min(starIndex >= 0 ? starIndex : questionIndex, questionIndex >= 0 ? questionIndex : starIndex);
            findPath = im._getDirectoryName(pattern.substring(0, index));
        }
        // note, due to this short-circuit and the above usage of getDirectoryName, this
        // function has the same limitations regarding drive roots as the powershell
        // implementation.
        //
        // also note, since getDirectoryName eliminates slash redundancies, some additional
        // work may be required if removal of this limitation is attempted.
        if (!findPath) {
            return "continue";
        }
        var patternRegex = im._legacyFindFiles_convertPatternToRegExp(pattern);
        // find files/directories
        var items = find(findPath, { followSymbolicLinks: true })
            .filter(function (item) {
            if (includeFiles && includeDirectories) {
                return true;
            }
            var isDir = fs.statSync(item).isDirectory();
            return (includeFiles && !isDir) || (includeDirectories && isDir);
        })
            .forEach(function (item) {
            var normalizedPath = process.platform == 'win32' ? item.replace(/\\/g, '/') : item; // normalize separators
            // **/times/** will not match C:/fun/times because there isn't a trailing slash
            // so try both if including directories
            var alternatePath = "".concat(normalizedPath, "/"); // potential bug: it looks like this will result in a false
            // positive if the item is a regular file and not a directory
            var isMatch = false;
            if (patternRegex.test(normalizedPath) || (includeDirectories && patternRegex.test(alternatePath))) {
                isMatch = true;
                // test whether the path should be excluded
                for (var _i = 0, excludePatterns_2 = excludePatterns; _i < excludePatterns_2.length; _i++) {
                    var regex = excludePatterns_2[_i];
                    if (regex.test(normalizedPath) || (includeDirectories && regex.test(alternatePath))) {
                        isMatch = false;
                        break;
                    }
                }
            }
            if (isMatch) {
                allFiles[item] = item;
            }
        });
    };
    for (var _b = 0, includePatterns_2 = includePatterns; _b < includePatterns_2.length; _b++) {
        var pattern = includePatterns_2[_b];
        _loop_4(pattern);
    }
    return Object.keys(allFiles).sort();
}
/**
 * Remove a path recursively with force
 *
 * @param  {string} inputPath - Path to remove
 * @return {void}
 * @throws When the file or directory exists but could not be deleted.
 */
function rmRF(inputPath) {
    (0, exports.debug)('rm -rf ' + inputPath);
    if (getPlatform() == Platform.Windows) {
        // Node doesn't provide a delete operation, only an unlink function. This means that if the file is being used by another
        // program (e.g. antivirus), it won't be deleted. To address this, we shell out the work to rd/del.
        try {
            var lstats = fs.lstatSync(inputPath);
            if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                (0, exports.debug)('removing directory ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(inputPath)]);
            }
            else if (lstats.isSymbolicLink()) {
                (0, exports.debug)('removing symbolic link ' + inputPath);
                var realPath = fs.readlinkSync(inputPath);
                if (fs.existsSync(realPath)) {
                    var stats_4 = fs.statSync(realPath);
                    if (stats_4.isDirectory()) {
                        childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(realPath)]);
                        fs.unlinkSync(inputPath);
                    }
                    else {
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                    fs.unlinkSync(inputPath);
                }
            }
            else {
                (0, exports.debug)('removing file ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "del", "/f", "/a", im._normalizeSeparators(inputPath)]);
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
    else {
        var lstats = void 0;
        try {
            if (inputPath.includes('*')) {
                var entries = findMatch(path.dirname(inputPath), [path.basename(inputPath)]);
                for (var _i = 0, entries_2 = entries; _i < entries_2.length; _i++) {
                    var entry = entries_2[_i];
                    rmRF(entry);
                }
            }
            else {
                lstats = fs.lstatSync(inputPath);
                if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing directory ' + inputPath);
                    fs.rmSync(inputPath, { recursive: true, force: true });
                }
                else if (lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing symbolic link ' + inputPath);
                    var realPath = fs.readlinkSync(inputPath);
                    if (fs.existsSync(realPath)) {
                        var stats_5 = fs.statSync(realPath);
                        if (stats_5.isDirectory()) {
                            fs.rmSync(realPath, { recursive: true, force: true });
                            fs.unlinkSync(inputPath);
                        }
                        else {
                            fs.unlinkSync(inputPath);
                        }
                    }
                    else {
                        (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)('removing file ' + inputPath);
                    fs.unlinkSync(inputPath);
                }
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
}
exports.rmRF = rmRF;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function execAsync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execAsync(options);
}
exports.execAsync = execAsync;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @deprecated Use the {@link execAsync} method that returns a native Javascript Promise instead
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function exec(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.exec(options);
}
exports.exec = exec;
/**
 * Exec a tool synchronously.  Convenience wrapper over ToolRunner to execSync with args in one call.
 * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
 * Appropriate for short running tools
 * Returns IExecResult with output and return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecSyncOptions
 * @returns   IExecSyncResult
 */
function execSync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execSync(options);
}
exports.execSync = execSync;
/**
 * Convenience factory to create a ToolRunner.
 *
 * @param     tool     path to tool to exec
 * @returns   ToolRunner
 */
function tool(tool) {
    var tr = new trm.ToolRunner(tool);
    tr.on('debug', function (message) {
        (0, exports.debug)(message);
    });
    return tr;
}
exports.tool = tool;
/**
 * Applies glob patterns to a list of paths. Supports interleaved exclude patterns.
 *
 * @param  list         array of paths
 * @param  patterns     patterns to apply. supports interleaved exclude patterns.
 * @param  patternRoot  optional. default root to apply to unrooted patterns. not applied to basename-only patterns when matchBase:true.
 * @param  options      optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function match(list, patterns, patternRoot, options) {
    // trace parameters
    (0, exports.debug)("patternRoot: '".concat(patternRoot, "'"));
    options = options || _getDefaultMatchOptions(); // default match options
    _debugMatchOptions(options);
    // convert pattern to an array
    if (typeof patterns == 'string') {
        patterns = [patterns];
    }
    // hashtable to keep track of matches
    var map = {};
    var originalOptions = options;
    for (var _i = 0, patterns_1 = patterns; _i < patterns_1.length; _i++) {
        var pattern = patterns_1[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var options_1 = im._cloneMatchOptions(originalOptions);
        // skip comments
        if (!options_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        options_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!options_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !options_1.flipNegate) ||
            (negateCount % 2 == 1 && options_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        options_1.nonegate = true;
        options_1.flipNegate = false;
        // expand braces - required to accurately root patterns
        var expanded = void 0;
        var preExpanded = pattern;
        if (options_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        options_1.nobrace = true;
        for (var _a = 0, expanded_1 = expanded; _a < expanded_1.length; _a++) {
            var pattern_1 = expanded_1[_a];
            if (expanded.length != 1 || pattern_1 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_1, "'"));
            }
            // trim and skip empty
            pattern_1 = (pattern_1 || '').trim();
            if (!pattern_1) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            // root the pattern when all of the following conditions are true:
            if (patternRoot && // patternRoot supplied
                !im._isRooted(pattern_1) && // AND pattern not rooted
                // AND matchBase:false or not basename only
                (!options_1.matchBase || (process.platform == 'win32' ? pattern_1.replace(/\\/g, '/') : pattern_1).indexOf('/') >= 0)) {
                pattern_1 = im._ensureRooted(patternRoot, pattern_1);
                (0, exports.debug)("rooted pattern: '".concat(pattern_1, "'"));
            }
            if (isIncludePattern) {
                // apply the pattern
                (0, exports.debug)('applying include pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _b = 0, matchResults_1 = matchResults; _b < matchResults_1.length; _b++) {
                    var matchResult = matchResults_1[_b];
                    map[matchResult] = true;
                }
            }
            else {
                // apply the pattern
                (0, exports.debug)('applying exclude pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _c = 0, matchResults_2 = matchResults; _c < matchResults_2.length; _c++) {
                    var matchResult = matchResults_2[_c];
                    delete map[matchResult];
                }
            }
        }
    }
    // return a filtered version of the original list (preserves order and prevents duplication)
    var result = list.filter(function (item) { return map.hasOwnProperty(item); });
    (0, exports.debug)(result.length + ' final results');
    return result;
}
exports.match = match;
/**
 * Filter to apply glob patterns
 *
 * @param  pattern  pattern to apply
 * @param  options  optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function filter(pattern, options) {
    options = options || _getDefaultMatchOptions();
    return minimatch.filter(pattern, options);
}
exports.filter = filter;
function _debugMatchOptions(options) {
    (0, exports.debug)("matchOptions.debug: '".concat(options.debug, "'"));
    (0, exports.debug)("matchOptions.nobrace: '".concat(options.nobrace, "'"));
    (0, exports.debug)("matchOptions.noglobstar: '".concat(options.noglobstar, "'"));
    (0, exports.debug)("matchOptions.dot: '".concat(options.dot, "'"));
    (0, exports.debug)("matchOptions.noext: '".concat(options.noext, "'"));
    (0, exports.debug)("matchOptions.nocase: '".concat(options.nocase, "'"));
    (0, exports.debug)("matchOptions.nonull: '".concat(options.nonull, "'"));
    (0, exports.debug)("matchOptions.matchBase: '".concat(options.matchBase, "'"));
    (0, exports.debug)("matchOptions.nocomment: '".concat(options.nocomment, "'"));
    (0, exports.debug)("matchOptions.nonegate: '".concat(options.nonegate, "'"));
    (0, exports.debug)("matchOptions.flipNegate: '".concat(options.flipNegate, "'"));
}
function _getDefaultMatchOptions() {
    return {
        debug: false,
        nobrace: true,
        noglobstar: false,
        dot: true,
        noext: false,
        nocase: process.platform == 'win32',
        nonull: false,
        matchBase: false,
        nocomment: false,
        nonegate: false,
        flipNegate: false
    };
}
/**
 * Determines the find root from a list of patterns. Performs the find and then applies the glob patterns.
 * Supports interleaved exclude patterns. Unrooted patterns are rooted using defaultRoot, unless
 * matchOptions.matchBase is specified and the pattern is a basename only. For matchBase cases, the
 * defaultRoot is used as the find root.
 *
 * @param  defaultRoot   default path to root unrooted patterns. falls back to System.DefaultWorkingDirectory or process.cwd().
 * @param  patterns      pattern or array of patterns to apply
 * @param  findOptions   defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @param  matchOptions  defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }
 */
function findMatch(defaultRoot, patterns, findOptions, matchOptions) {
    // apply defaults for parameters and trace
    defaultRoot = defaultRoot || this.getVariable('system.defaultWorkingDirectory') || process.cwd();
    (0, exports.debug)("defaultRoot: '".concat(defaultRoot, "'"));
    patterns = patterns || [];
    patterns = typeof patterns == 'string' ? [patterns] : patterns;
    findOptions = findOptions || _getDefaultFindOptions();
    _debugFindOptions(findOptions);
    matchOptions = matchOptions || _getDefaultMatchOptions();
    _debugMatchOptions(matchOptions);
    // normalize slashes for root dir
    defaultRoot = im._normalizeSeparators(defaultRoot);
    var results = {};
    var originalMatchOptions = matchOptions;
    for (var _i = 0, _a = (patterns || []); _i < _a.length; _i++) {
        var pattern = _a[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var matchOptions_1 = im._cloneMatchOptions(originalMatchOptions);
        // skip comments
        if (!matchOptions_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        matchOptions_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!matchOptions_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !matchOptions_1.flipNegate) ||
            (negateCount % 2 == 1 && matchOptions_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        matchOptions_1.nonegate = true;
        matchOptions_1.flipNegate = false;
        // expand braces - required to accurately interpret findPath
        var expanded = void 0;
        var preExpanded = pattern;
        if (matchOptions_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        matchOptions_1.nobrace = true;
        for (var _b = 0, expanded_2 = expanded; _b < expanded_2.length; _b++) {
            var pattern_2 = expanded_2[_b];
            if (expanded.length != 1 || pattern_2 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_2, "'"));
            }
            // trim and skip empty
            pattern_2 = (pattern_2 || '').trim();
            if (!pattern_2) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            if (isIncludePattern) {
                // determine the findPath
                var findInfo = im._getFindInfoFromPattern(defaultRoot, pattern_2, matchOptions_1);
                var findPath = findInfo.findPath;
                (0, exports.debug)("findPath: '".concat(findPath, "'"));
                if (!findPath) {
                    (0, exports.debug)('skipping empty path');
                    continue;
                }
                // perform the find
                (0, exports.debug)("statOnly: '".concat(findInfo.statOnly, "'"));
                var findResults = [];
                if (findInfo.statOnly) {
                    // simply stat the path - all path segments were used to build the path
                    try {
                        fs.statSync(findPath);
                        findResults.push(findPath);
                    }
                    catch (err) {
                        if (err.code != 'ENOENT') {
                            throw err;
                        }
                        (0, exports.debug)('ENOENT');
                    }
                }
                else {
                    findResults = find(findPath, findOptions);
                }
                (0, exports.debug)("found ".concat(findResults.length, " paths"));
                // apply the pattern
                (0, exports.debug)('applying include pattern');
                if (findInfo.adjustedPattern != pattern_2) {
                    (0, exports.debug)("adjustedPattern: '".concat(findInfo.adjustedPattern, "'"));
                    pattern_2 = findInfo.adjustedPattern;
                }
                var matchResults = minimatch.match(findResults, pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _c = 0, matchResults_3 = matchResults; _c < matchResults_3.length; _c++) {
                    var matchResult = matchResults_3[_c];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    results[key] = matchResult;
                }
            }
            else {
                // check if basename only and matchBase=true
                if (matchOptions_1.matchBase &&
                    !im._isRooted(pattern_2) &&
                    (process.platform == 'win32' ? pattern_2.replace(/\\/g, '/') : pattern_2).indexOf('/') < 0) {
                    // do not root the pattern
                    (0, exports.debug)('matchBase and basename only');
                }
                else {
                    // root the exclude pattern
                    pattern_2 = im._ensurePatternRooted(defaultRoot, pattern_2);
                    (0, exports.debug)("after ensurePatternRooted, pattern: '".concat(pattern_2, "'"));
                }
                // apply the pattern
                (0, exports.debug)('applying exclude pattern');
                var matchResults = minimatch.match(Object.keys(results).map(function (key) { return results[key]; }), pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _d = 0, matchResults_4 = matchResults; _d < matchResults_4.length; _d++) {
                    var matchResult = matchResults_4[_d];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    delete results[key];
                }
            }
        }
    }
    var finalResult = Object.keys(results)
        .map(function (key) { return results[key]; })
        .sort();
    (0, exports.debug)(finalResult.length + ' final results');
    return finalResult;
}
exports.findMatch = findMatch;
/**
 * Build Proxy URL in the following format: protocol://username:password@hostname:port
 * @param proxyUrl Url address of the proxy server (eg: http://example.com)
 * @param proxyUsername Proxy username (optional)
 * @param proxyPassword Proxy password (optional)
 * @returns string
 */
function getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword) {
    var parsedUrl = new URL(proxyUrl);
    var proxyAddress = "".concat(parsedUrl.protocol, "//").concat(parsedUrl.host);
    if (proxyUsername) {
        proxyAddress = "".concat(parsedUrl.protocol, "//").concat(proxyUsername, ":").concat(proxyPassword, "@").concat(parsedUrl.host);
    }
    return proxyAddress;
}
/**
 * Gets http proxy configuration used by Build/Release agent
 *
 * @return  ProxyConfiguration
 */
function getHttpProxyConfiguration(requestUrl) {
    var proxyUrl = (0, exports.getVariable)('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = (0, exports.getVariable)('Agent.ProxyUsername');
        var proxyPassword = (0, exports.getVariable)('Agent.ProxyPassword');
        var proxyBypassHosts = JSON.parse((0, exports.getVariable)('Agent.ProxyBypassList') || '[]');
        var bypass_1 = false;
        if (requestUrl) {
            proxyBypassHosts.forEach(function (bypassHost) {
                if (new RegExp(bypassHost, 'i').test(requestUrl)) {
                    bypass_1 = true;
                }
            });
        }
        if (bypass_1) {
            return null;
        }
        else {
            var proxyAddress = getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword);
            return {
                proxyUrl: proxyUrl,
                proxyUsername: proxyUsername,
                proxyPassword: proxyPassword,
                proxyBypassHosts: proxyBypassHosts,
                proxyFormattedUrl: proxyAddress
            };
        }
    }
    else {
        return null;
    }
}
exports.getHttpProxyConfiguration = getHttpProxyConfiguration;
/**
 * Gets http certificate configuration used by Build/Release agent
 *
 * @return  CertConfiguration
 */
function getHttpCertConfiguration() {
    var ca = (0, exports.getVariable)('Agent.CAInfo');
    var clientCert = (0, exports.getVariable)('Agent.ClientCert');
    if (ca || clientCert) {
        var certConfig = {};
        certConfig.caFile = ca;
        certConfig.certFile = clientCert;
        if (clientCert) {
            var clientCertKey = (0, exports.getVariable)('Agent.ClientCertKey');
            var clientCertArchive = (0, exports.getVariable)('Agent.ClientCertArchive');
            var clientCertPassword = (0, exports.getVariable)('Agent.ClientCertPassword');
            certConfig.keyFile = clientCertKey;
            certConfig.certArchiveFile = clientCertArchive;
            certConfig.passphrase = clientCertPassword;
        }
        return certConfig;
    }
    else {
        return null;
    }
}
exports.getHttpCertConfiguration = getHttpCertConfiguration;
//-----------------------------------------------------
// Test Publisher
//-----------------------------------------------------
var TestPublisher = /** @class */ (function () {
    function TestPublisher(testRunner) {
        this.testRunner = testRunner;
    }
    TestPublisher.prototype.publish = function (resultFiles, mergeResults, platform, config, runTitle, publishRunAttachments, testRunSystem) {
        // Could have used an initializer, but wanted to avoid reordering parameters when converting to strict null checks
        // (A parameter cannot both be optional and have an initializer)
        testRunSystem = testRunSystem || "VSTSTask";
        var properties = {};
        properties['type'] = this.testRunner;
        if (mergeResults) {
            properties['mergeResults'] = mergeResults;
        }
        if (platform) {
            properties['platform'] = platform;
        }
        if (config) {
            properties['config'] = config;
        }
        if (runTitle) {
            properties['runTitle'] = runTitle;
        }
        if (publishRunAttachments) {
            properties['publishRunAttachments'] = publishRunAttachments;
        }
        if (resultFiles) {
            properties['resultFiles'] = Array.isArray(resultFiles) ? resultFiles.join() : resultFiles;
        }
        properties['testRunSystem'] = testRunSystem;
        (0, exports.command)('results.publish', properties, '');
    };
    return TestPublisher;
}());
exports.TestPublisher = TestPublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoveragePublisher = /** @class */ (function () {
    function CodeCoveragePublisher() {
    }
    CodeCoveragePublisher.prototype.publish = function (codeCoverageTool, summaryFileLocation, reportDirectory, additionalCodeCoverageFiles) {
        var properties = {};
        if (codeCoverageTool) {
            properties['codecoveragetool'] = codeCoverageTool;
        }
        if (summaryFileLocation) {
            properties['summaryfile'] = summaryFileLocation;
        }
        if (reportDirectory) {
            properties['reportdirectory'] = reportDirectory;
        }
        if (additionalCodeCoverageFiles) {
            properties['additionalcodecoveragefiles'] = Array.isArray(additionalCodeCoverageFiles) ? additionalCodeCoverageFiles.join() : additionalCodeCoverageFiles;
        }
        (0, exports.command)('codecoverage.publish', properties, "");
    };
    return CodeCoveragePublisher;
}());
exports.CodeCoveragePublisher = CodeCoveragePublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoverageEnabler = /** @class */ (function () {
    function CodeCoverageEnabler(buildTool, ccTool) {
        this.buildTool = buildTool;
        this.ccTool = ccTool;
    }
    CodeCoverageEnabler.prototype.enableCodeCoverage = function (buildProps) {
        buildProps['buildtool'] = this.buildTool;
        buildProps['codecoveragetool'] = this.ccTool;
        (0, exports.command)('codecoverage.enable', buildProps, "");
    };
    return CodeCoverageEnabler;
}());
exports.CodeCoverageEnabler = CodeCoverageEnabler;
//-----------------------------------------------------
// Task Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadFile(path) {
    (0, exports.command)("task.uploadfile", null, path);
}
exports.uploadFile = uploadFile;
/**
 * Instruction for the agent to update the PATH environment variable.
 * The specified directory is prepended to the PATH.
 * The updated environment variable will be reflected in subsequent tasks.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function prependPath(path) {
    assertAgent("2.115.0");
    (0, exports.command)("task.prependpath", null, path);
}
exports.prependPath = prependPath;
/**
 * Upload and attach summary markdown to current timeline record.
 * This summary shall be added to the build/release summary and
 * not available for download with logs.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function uploadSummary(path) {
    (0, exports.command)("task.uploadsummary", null, path);
}
exports.uploadSummary = uploadSummary;
/**
 * Upload and attach attachment to current timeline record.
 * These files are not available for download with logs.
 * These can only be referred to by extensions using the type or name values.
 *
 * @param type      Attachment type.
 * @param name      Attachment name.
 * @param path      Attachment path.
 * @returns         void
 */
function addAttachment(type, name, path) {
    (0, exports.command)("task.addattachment", { "type": type, "name": name }, path);
}
exports.addAttachment = addAttachment;
/**
 * Set an endpoint field with given value.
 * Value updated will be retained in the endpoint for
 * the subsequent tasks that execute within the same job.
 *
 * @param id      Endpoint id.
 * @param field   FieldType enum of AuthParameter, DataParameter or Url.
 * @param key     Key.
 * @param value   Value for key or url.
 * @returns       void
 */
function setEndpoint(id, field, key, value) {
    (0, exports.command)("task.setendpoint", { "id": id, "field": FieldType[field].toLowerCase(), "key": key }, value);
}
exports.setEndpoint = setEndpoint;
/**
 * Set progress and current operation for current task.
 *
 * @param percent           Percentage of completion.
 * @param currentOperation  Current pperation.
 * @returns                 void
 */
function setProgress(percent, currentOperation) {
    (0, exports.command)("task.setprogress", { "value": "".concat(percent) }, currentOperation);
}
exports.setProgress = setProgress;
/**
 * Indicates whether to write the logging command directly to the host or to the output pipeline.
 *
 * @param id            Timeline record Guid.
 * @param parentId      Parent timeline record Guid.
 * @param recordType    Record type.
 * @param recordName    Record name.
 * @param order         Order of timeline record.
 * @param startTime     Start time.
 * @param finishTime    End time.
 * @param progress      Percentage of completion.
 * @param state         TaskState enum of Unknown, Initialized, InProgress or Completed.
 * @param result        TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message       current operation
 * @returns             void
 */
function logDetail(id, message, parentId, recordType, recordName, order, startTime, finishTime, progress, state, result) {
    var properties = {
        "id": id,
        "parentid": parentId,
        "type": recordType,
        "name": recordName,
        "order": order ? order.toString() : undefined,
        "starttime": startTime,
        "finishtime": finishTime,
        "progress": progress ? progress.toString() : undefined,
        "state": state ? TaskState[state] : undefined,
        "result": result ? TaskResult[result] : undefined
    };
    (0, exports.command)("task.logdetail", properties, message);
}
exports.logDetail = logDetail;
/**
 * Log error or warning issue to timeline record of current task.
 *
 * @param type          IssueType enum of Error or Warning.
 * @param sourcePath    Source file location.
 * @param lineNumber    Line number.
 * @param columnNumber  Column number.
 * @param code          Error or warning code.
 * @param message       Error or warning message.
 * @returns             void
 */
function logIssue(type, message, sourcePath, lineNumber, columnNumber, errorCode) {
    var properties = {
        "type": IssueType[type].toLowerCase(),
        "code": errorCode,
        "sourcepath": sourcePath,
        "linenumber": lineNumber ? lineNumber.toString() : undefined,
        "columnnumber": columnNumber ? columnNumber.toString() : undefined,
    };
    (0, exports.command)("task.logissue", properties, message);
}
exports.logIssue = logIssue;
//-----------------------------------------------------
// Artifact Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param containerFolder   Folder that the file will upload to, folder will be created if needed.
 * @param path              Path to the file that should be uploaded.
 * @param name              Artifact name.
 * @returns                 void
 */
function uploadArtifact(containerFolder, path, name) {
    (0, exports.command)("artifact.upload", { "containerfolder": containerFolder, "artifactname": name }, path);
}
exports.uploadArtifact = uploadArtifact;
/**
 * Create an artifact link, artifact location is required to be
 * a file container path, VC path or UNC share path.
 *
 * The file shall be available for download along with task logs.
 *
 * @param name              Artifact name.
 * @param path              Path to the file that should be associated.
 * @param artifactType      ArtifactType enum of Container, FilePath, VersionControl, GitRef or TfvcLabel.
 * @returns                 void
 */
function associateArtifact(name, path, artifactType) {
    (0, exports.command)("artifact.associate", { "type": ArtifactType[artifactType].toLowerCase(), "artifactname": name }, path);
}
exports.associateArtifact = associateArtifact;
//-----------------------------------------------------
// Build Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested log to build’s container “logs\tool” folder.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadBuildLog(path) {
    (0, exports.command)("build.uploadlog", null, path);
}
exports.uploadBuildLog = uploadBuildLog;
/**
 * Update build number for current build.
 *
 * @param value     Value to be assigned as the build number.
 * @returns         void
 */
function updateBuildNumber(value) {
    (0, exports.command)("build.updatebuildnumber", null, value);
}
exports.updateBuildNumber = updateBuildNumber;
/**
 * Add a tag for current build.
 *
 * @param value     Tag value.
 * @returns         void
 */
function addBuildTag(value) {
    (0, exports.command)("build.addbuildtag", null, value);
}
exports.addBuildTag = addBuildTag;
//-----------------------------------------------------
// Release Logging Commands
//-----------------------------------------------------
/**
 * Update release name for current release.
 *
 * @param value     Value to be assigned as the release name.
 * @returns         void
 */
function updateReleaseName(name) {
    assertAgent("2.132.0");
    (0, exports.command)("release.updatereleasename", null, name);
}
exports.updateReleaseName = updateReleaseName;
//-----------------------------------------------------
// Tools
//-----------------------------------------------------
exports.TaskCommand = tcm.TaskCommand;
exports.commandFromString = tcm.commandFromString;
exports.ToolRunner = trm.ToolRunner;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output (a remote response, a child process's
 * stdout, etc.) into the returned stream so that any "##vso[" command markers it contains
 * are neutralized instead of executed by the agent.
 *
 * By default every marker is blocked. Set enableVsoCommands to true (optionally with an
 * explicit allowedVsoCommands list) to permit a small set of command names on a
 * compatibility-sensitive path.
 *
 * @param options   External output options. See ExternalOutputOptions.
 * @returns         A writable/readable stream to pipe untrusted output into.
 */
function createExternalOutputStream(options) {
    return eom.createExternalOutputStream(options);
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    eom.writeExternalOutput(message, options);
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the existing task-lib debug logger. */
function debugExternalOutput(message, options) {
    eom.debugExternalOutput(message, options);
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the existing task-lib warning logger. */
function warningExternalOutput(message, options) {
    eom.warningExternalOutput(message, options);
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the existing task-lib error logger. */
function errorExternalOutput(message, options) {
    eom.errorExternalOutput(message, options);
}
exports.errorExternalOutput = errorExternalOutput;
/** Commands allowed when VSO commands are enabled without an explicit allowlist. */
exports.defaultAllowedVsoCommands = eom.defaultAllowedVsoCommands;
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    (0, exports.warning)('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', exports.IssueSource.TaskInternal);
}
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
// avoid loading twice (overwrites .taskkey)
if (!global['_vsts_task_lib_loaded']) {
    im._loadData();
    im._exposeProxySettings();
    im._exposeCertSettings();
}
//Helper Functions for internal use only
/**
 * safeFind - safe replacement for Array.prototype.find
 *
 * @param {Array} arr - the array to search
 * @param {Function} predicate - function to test each element, returns true if match
 * @returns {*} - first element that matches or undefined
 */
function safeFind(arr, predicate) {
    for (var i = 0; i < arr.length; i++) {
        if (predicate(arr[i])) {
            return arr[i];
        }
    }
    return undefined;
}


/***/ }),

/***/ 8373:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.commandFromString = exports.TaskCommand = void 0;
//
// Command Format:
//    ##vso[artifact.command key=value;key=value]user message
//    
// Examples:
//    ##vso[task.progress value=58]
//    ##vso[task.issue type=warning;]This is the user warning message
//
var CMD_PREFIX = '##vso[';
var TaskCommand = /** @class */ (function () {
    function TaskCommand(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    TaskCommand.prototype.toString = function () {
        var cmdStr = CMD_PREFIX + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            for (var key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    var val = this.properties[key];
                    if (val) {
                        // safely append the val - avoid blowing up when attempting to
                        // call .replace() if message is not a string for some reason
                        cmdStr += key + '=' + escape('' + (val || '')) + ';';
                    }
                }
            }
        }
        cmdStr += ']';
        // safely append the message - avoid blowing up when attempting to
        // call .replace() if message is not a string for some reason
        var message = '' + (this.message || '');
        cmdStr += escapedata(message);
        return cmdStr;
    };
    return TaskCommand;
}());
exports.TaskCommand = TaskCommand;
function commandFromString(commandLine) {
    var preLen = CMD_PREFIX.length;
    var lbPos = commandLine.indexOf('[');
    var rbPos = commandLine.indexOf(']');
    if (lbPos == -1 || rbPos == -1 || rbPos - lbPos < 3) {
        throw new Error('Invalid command brackets');
    }
    var cmdInfo = commandLine.substring(lbPos + 1, rbPos);
    var spaceIdx = cmdInfo.indexOf(' ');
    var command = cmdInfo;
    var properties = {};
    if (spaceIdx > 0) {
        command = cmdInfo.trim().substring(0, spaceIdx);
        var propSection = cmdInfo.trim().substring(spaceIdx + 1);
        var propLines = propSection.split(';');
        propLines.forEach(function (propLine) {
            propLine = propLine.trim();
            if (propLine.length > 0) {
                var eqIndex = propLine.indexOf('=');
                if (eqIndex == -1) {
                    throw new Error('Invalid property: ' + propLine);
                }
                var key = propLine.substring(0, eqIndex);
                var val = propLine.substring(eqIndex + 1);
                properties[key] = unescape(val);
            }
        });
    }
    var msg = unescapedata(commandLine.substring(rbPos + 1));
    var cmd = new TaskCommand(command, properties, msg);
    return cmd;
}
exports.commandFromString = commandFromString;
function escapedata(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function unescapedata(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%AZP25/g, '%');
}
function escape(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/]/g, '%5D')
        .replace(/;/g, '%3B');
}
function unescape(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%5D/g, ']')
        .replace(/%3B/g, ';')
        .replace(/%AZP25/g, '%');
}


/***/ }),

/***/ 419:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ToolRunner = void 0;
var Q = __nccwpck_require__(5560);
var os = __nccwpck_require__(857);
var events = __nccwpck_require__(4434);
var child = __nccwpck_require__(5317);
var im = __nccwpck_require__(8202);
var fs = __nccwpck_require__(9896);
var eom = __nccwpck_require__(6037);
var ToolRunner = /** @class */ (function (_super) {
    __extends(ToolRunner, _super);
    function ToolRunner(toolPath) {
        var _this = _super.call(this) || this;
        _this.cmdSpecialChars = [' ', '\t', '&', '(', ')', '[', ']', '{', '}', '^', '=', ';', '!', '\'', '+', ',', '`', '~', '|', '<', '>', '"'];
        if (!toolPath) {
            throw new Error('Parameter \'toolPath\' cannot be null or empty.');
        }
        _this.toolPath = im._which(toolPath, true);
        _this.args = [];
        _this._debug('toolRunner toolPath: ' + toolPath);
        return _this;
    }
    ToolRunner.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ToolRunner.prototype._argStringToArray = function (argString) {
        var args = [];
        var inQuotes = false;
        var escaped = false;
        var lastCharWasSpace = true;
        var arg = '';
        var append = function (c) {
            // we only escape double quotes.
            if (escaped) {
                if (c !== '"') {
                    arg += '\\';
                }
                else {
                    arg.slice(0, -1);
                }
            }
            arg += c;
            escaped = false;
        };
        for (var i = 0; i < argString.length; i++) {
            var c = argString.charAt(i);
            if (c === ' ' && !inQuotes) {
                if (!lastCharWasSpace) {
                    args.push(arg);
                    arg = '';
                }
                lastCharWasSpace = true;
                continue;
            }
            else {
                lastCharWasSpace = false;
            }
            if (c === '"') {
                if (!escaped) {
                    inQuotes = !inQuotes;
                }
                else {
                    append(c);
                }
                continue;
            }
            if (c === "\\" && escaped) {
                append(c);
                continue;
            }
            if (c === "\\" && inQuotes) {
                escaped = true;
                continue;
            }
            append(c);
            lastCharWasSpace = false;
        }
        if (!lastCharWasSpace) {
            args.push(arg.trim());
        }
        return args;
    };
    ToolRunner.prototype._getCommandString = function (options, noPrefix) {
        var _this = this;
        var toolPath = this._getSpawnFileName();
        var args = this._getSpawnArgs(options);
        var cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        var commandParts = [];
        if (process.platform == 'win32') {
            // Windows + cmd file
            if (this._isCmdFile()) {
                commandParts.push(toolPath);
                commandParts = commandParts.concat(args);
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                commandParts.push("\"".concat(toolPath, "\""));
                commandParts = commandParts.concat(args);
            }
            else if (options.shell) {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args);
            }
            // Windows (regular)
            else {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args.map(function (arg) { return _this._windowsQuoteCmdArg(arg); }));
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            commandParts.push(toolPath);
            commandParts = commandParts.concat(args);
        }
        cmd += commandParts.join(' ');
        // append second tool
        if (this.pipeOutputToTool) {
            cmd += ' | ' + this.pipeOutputToTool._getCommandString(options, /*noPrefix:*/ true);
        }
        return cmd;
    };
    ToolRunner.prototype._processLineBuffer = function (data, buffer, onLine) {
        var newBuffer = buffer + data.toString();
        try {
            var eolIndex = newBuffer.indexOf(os.EOL);
            while (eolIndex > -1) {
                var line = newBuffer.substring(0, eolIndex);
                onLine(line);
                // the rest of the string ...
                newBuffer = newBuffer.substring(eolIndex + os.EOL.length);
                eolIndex = newBuffer.indexOf(os.EOL);
            }
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug('error processing line');
        }
        return newBuffer;
    };
    /**
     * Wraps an arg string with specified char if it's not already wrapped
     * @returns {string} Arg wrapped with specified char
     * @param {string} arg Input argument string
     * @param {string} wrapChar A char input string should be wrapped with
     */
    ToolRunner.prototype._wrapArg = function (arg, wrapChar) {
        if (!this._isWrapped(arg, wrapChar)) {
            return "".concat(wrapChar).concat(arg).concat(wrapChar);
        }
        return arg;
    };
    /**
     * Unwraps an arg string wrapped with specified char
     * @param arg Arg wrapped with specified char
     * @param wrapChar A char to be removed
     */
    ToolRunner.prototype._unwrapArg = function (arg, wrapChar) {
        if (this._isWrapped(arg, wrapChar)) {
            var pattern = new RegExp("(^\\\\?".concat(wrapChar, ")|(\\\\?").concat(wrapChar, "$)"), 'g');
            return arg.trim().replace(pattern, '');
        }
        return arg;
    };
    /**
     * Determine if arg string is wrapped with specified char
     * @param arg Input arg string
     */
    ToolRunner.prototype._isWrapped = function (arg, wrapChar) {
        var pattern = new RegExp("^\\\\?".concat(wrapChar, ".+\\\\?").concat(wrapChar, "$"));
        return pattern.test(arg.trim());
    };
    ToolRunner.prototype._getSpawnFileName = function (options) {
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        if (options && options.shell) {
            return this._wrapArg(this.toolPath, '"');
        }
        return this.toolPath;
    };
    ToolRunner.prototype._getSpawnArgs = function (options) {
        var _this = this;
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                var argline = "/D /S /C \"".concat(this._windowsQuoteCmdArg(this.toolPath));
                for (var i = 0; i < this.args.length; i++) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments ? this.args[i] : this._windowsQuoteCmdArg(this.args[i]);
                }
                argline += '"';
                return [argline];
            }
            if (options.windowsVerbatimArguments) {
                // note, in Node 6.x options.argv0 can be used instead of overriding args.slice and args.unshift.
                // for more details, refer to https://github.com/nodejs/node/blob/v6.x/lib/child_process.js
                var args_1 = this.args.slice(0); // copy the array
                // override slice to prevent Node from creating a copy of the arg array.
                // we need Node to use the "unshift" override below.
                args_1.slice = function () {
                    if (arguments.length != 1 || arguments[0] != 0) {
                        throw new Error('Unexpected arguments passed to args.slice when windowsVerbatimArguments flag is set.');
                    }
                    return args_1;
                };
                // override unshift
                //
                // when using the windowsVerbatimArguments option, Node does not quote the tool path when building
                // the cmdline parameter for the win32 function CreateProcess(). an unquoted space in the tool path
                // causes problems for tools when attempting to parse their own command line args. tools typically
                // assume their arguments begin after arg 0.
                //
                // by hijacking unshift, we can quote the tool path when it pushed onto the args array. Node builds
                // the cmdline parameter from the args array.
                //
                // note, we can't simply pass a quoted tool path to Node for multiple reasons:
                //   1) Node verifies the file exists (calls win32 function GetFileAttributesW) and the check returns
                //      false if the path is quoted.
                //   2) Node passes the tool path as the application parameter to CreateProcess, which expects the
                //      path to be unquoted.
                //
                // also note, in addition to the tool path being embedded within the cmdline parameter, Node also
                // passes the tool path to CreateProcess via the application parameter (optional parameter). when
                // present, Windows uses the application parameter to determine which file to run, instead of
                // interpreting the file from the cmdline parameter.
                args_1.unshift = function () {
                    if (arguments.length != 1) {
                        throw new Error('Unexpected arguments passed to args.unshift when windowsVerbatimArguments flag is set.');
                    }
                    return Array.prototype.unshift.call(args_1, "\"".concat(arguments[0], "\"")); // quote the file name
                };
                return args_1;
            }
            else if (options.shell) {
                var args = [];
                for (var _i = 0, _a = this.args; _i < _a.length; _i++) {
                    var arg = _a[_i];
                    if (this._needQuotesForCmd(arg, '%')) {
                        args.push(this._wrapArg(arg, '"'));
                    }
                    else {
                        args.push(arg);
                    }
                }
                return args;
            }
        }
        else if (options.shell) {
            return this.args.map(function (arg) {
                if (_this._isWrapped(arg, "'")) {
                    return arg;
                }
                // remove wrapping double quotes to avoid escaping
                arg = _this._unwrapArg(arg, '"');
                arg = _this._escapeChar(arg, '"');
                return _this._wrapArg(arg, '"');
            });
        }
        return this.args;
    };
    /**
     * Escape specified character.
     * @param arg String to escape char in
     * @param charToEscape Char should be escaped
     */
    ToolRunner.prototype._escapeChar = function (arg, charToEscape) {
        var escChar = "\\";
        var output = '';
        var charIsEscaped = false;
        for (var _i = 0, arg_1 = arg; _i < arg_1.length; _i++) {
            var char = arg_1[_i];
            if (char === charToEscape && !charIsEscaped) {
                output += escChar + char;
            }
            else {
                output += char;
            }
            charIsEscaped = char === escChar && !charIsEscaped;
        }
        return output;
    };
    ToolRunner.prototype._isCmdFile = function () {
        var upperToolPath = this.toolPath.toUpperCase();
        return im._endsWith(upperToolPath, '.CMD') || im._endsWith(upperToolPath, '.BAT');
    };
    /**
     * Determine whether the cmd arg needs to be quoted. Returns true if arg contains any of special chars array.
     * @param arg The cmd command arg.
     * @param additionalChars Additional chars which should be also checked.
     */
    ToolRunner.prototype._needQuotesForCmd = function (arg, additionalChars) {
        var specialChars = this.cmdSpecialChars;
        if (additionalChars) {
            specialChars = this.cmdSpecialChars.concat(additionalChars);
        }
        var _loop_1 = function (char) {
            if (specialChars.some(function (x) { return x === char; })) {
                return { value: true };
            }
        };
        for (var _i = 0, arg_2 = arg; _i < arg_2.length; _i++) {
            var char = arg_2[_i];
            var state_1 = _loop_1(char);
            if (typeof state_1 === "object")
                return state_1.value;
        }
        return false;
    };
    ToolRunner.prototype._windowsQuoteCmdArg = function (arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uv_quote_cmd_arg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        var needsQuotes = this._needQuotesForCmd(arg);
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that preceed a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '"'; // double the quote
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._uv_quote_cmd_arg = function (arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (arg.indexOf(' ') < 0 && arg.indexOf('\t') < 0 && arg.indexOf('"') < 0) {
            // No quotation needed
            return arg;
        }
        if (arg.indexOf('"') < 0 && arg.indexOf('\\') < 0) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return "\"".concat(arg, "\"");
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '\\';
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._cloneExecOptions = function (options) {
        options = options || {};
        var result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            shell: options.shell || false,
            externalOutput: options.externalOutput
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    };
    /** Builds one filtered writer per display destination. */
    ToolRunner.prototype._createDisplayFilter = function (options) {
        var ext = options.externalOutput;
        if (!ext) {
            return null;
        }
        var outStream = options.outStream;
        var errDest = options.failOnStdErr ? options.errStream : options.outStream;
        var stdoutWriter = eom.createFilteredWriter(ext, outStream);
        var stderrWriter = errDest === outStream
            ? stdoutWriter
            : eom.createFilteredWriter(ext, errDest);
        return {
            commandLine: function (text) { outStream.write(eom.filterExternalOutput(text, ext)); },
            stdout: function (data) { return stdoutWriter.write(data); },
            stderr: function (data) { return stderrWriter.write(data); },
            finalize: function () {
                stdoutWriter.end();
                if (stderrWriter !== stdoutWriter) {
                    stderrWriter.end();
                }
            }
        };
    };
    ToolRunner.prototype._getSpawnOptions = function (options) {
        options = options || {};
        var result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype._getSpawnSyncOptions = function (options) {
        var result = {};
        result.maxBuffer = 1024 * 1024 * 1024;
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype.execWithPipingAsync = function (pipeOutputToTool, options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        return new Promise(function (resolve, reject) {
            var _a, _b, _c, _d;
            var complete = function () {
                if (waitingEvents != 0) {
                    return;
                }
                if (df) {
                    df.finalize();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(returnCode);
                }
            };
            if (fileStream) {
                waitingEvents++;
                fileStream.on('finish', function () {
                    waitingEvents--; //file write is complete
                    fileStream = null;
                    complete();
                });
                fileStream.on('error', function (err) {
                    waitingEvents--; //there were errors writing to the file, write is done
                    _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                    fileStream = null;
                    complete();
                });
            }
            //pipe stdout of first tool to stdin of second tool
            (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
                var _a, _b;
                try {
                    if (fileStream) {
                        fileStream.write(data);
                    }
                    if (!((_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.destroyed)) {
                        (_b = cp.stdin) === null || _b === void 0 ? void 0 : _b.write(data);
                    }
                }
                catch (err) {
                    _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                    _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
                }
            });
            (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
                if (fileStream) {
                    fileStream.write(data);
                }
                successFirst = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
            });
            cpFirst.on('error', function (err) {
                var _a;
                waitingEvents--; //first process is complete with errors
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                error = new Error(toolPathFirst + ' failed. ' + err.message);
                complete();
            });
            cpFirst.on('close', function (code, signal) {
                var _a;
                waitingEvents--; //first process is complete
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    successFirst = false;
                    returnCodeFirst = code;
                    returnCode = returnCodeFirst;
                }
                _this._debug('success of first tool:' + successFirst);
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                complete();
            });
            var stdLineBuffer = '';
            (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
                _this.emit('stdout', data);
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stdout(data);
                    }
                    else {
                        optionsNonNull.outStream.write(data);
                    }
                }
                stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                    _this.emit('stdline', line);
                });
            });
            var errLineBuffer = '';
            (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
                _this.emit('stderr', data);
                success = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
                errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                    _this.emit('errline', line);
                });
            });
            cp.on('error', function (err) {
                waitingEvents--; //process is done with errors
                error = new Error(toolPath + ' failed. ' + err.message);
                complete();
            });
            cp.on('close', function (code, signal) {
                waitingEvents--; //process is complete
                _this._debug('rc:' + code);
                returnCode = code;
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    success = false;
                }
                _this._debug('success:' + success);
                if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                    error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
                }
                else if (!success) {
                    error = new Error(toolPath + ' failed with return code: ' + code);
                }
                complete();
            });
        });
    };
    ToolRunner.prototype.execWithPiping = function (pipeOutputToTool, options) {
        var _this = this;
        var _a, _b, _c, _d;
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        var complete = function () {
            if (waitingEvents != 0) {
                return;
            }
            if (df) {
                df.finalize();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(returnCode);
            }
        };
        if (fileStream) {
            waitingEvents++;
            fileStream.on('finish', function () {
                waitingEvents--; //file write is complete
                fileStream = null;
                complete();
            });
            fileStream.on('error', function (err) {
                waitingEvents--; //there were errors writing to the file, write is done
                _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                fileStream = null;
                complete();
            });
        }
        //pipe stdout of first tool to stdin of second tool
        (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
            var _a;
            try {
                if (fileStream) {
                    fileStream.write(data);
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.write(data);
            }
            catch (err) {
                _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
            }
        });
        (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            if (fileStream) {
                fileStream.write(data);
            }
            successFirst = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
        });
        cpFirst.on('error', function (err) {
            var _a;
            waitingEvents--; //first process is complete with errors
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            error = new Error(toolPathFirst + ' failed. ' + err.message);
            complete();
        });
        cpFirst.on('close', function (code, signal) {
            var _a;
            waitingEvents--; //first process is complete
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                successFirst = false;
                returnCodeFirst = code;
                returnCode = returnCodeFirst;
            }
            _this._debug('success of first tool:' + successFirst);
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            complete();
        });
        var stdLineBuffer = '';
        (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        var errLineBuffer = '';
        (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
            _this.emit('stderr', data);
            success = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            waitingEvents--; //process is done with errors
            error = new Error(toolPath + ' failed. ' + err.message);
            complete();
        });
        cp.on('close', function (code, signal) {
            waitingEvents--; //process is complete
            _this._debug('rc:' + code);
            returnCode = code;
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                success = false;
            }
            _this._debug('success:' + success);
            if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
            }
            else if (!success) {
                error = new Error(toolPath + ' failed with return code: ' + code);
            }
            complete();
        });
        return defer.promise;
    };
    /**
     * Add argument
     * Append an argument or an array of arguments
     * returns ToolRunner for chaining
     *
     * @param     val        string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.arg = function (val) {
        if (!val) {
            return this;
        }
        if (val instanceof Array) {
            this._debug(this.toolPath + ' arg: ' + JSON.stringify(val));
            this.args = this.args.concat(val);
        }
        else if (typeof (val) === 'string') {
            this._debug(this.toolPath + ' arg: ' + val);
            this.args = this.args.concat(val.trim());
        }
        return this;
    };
    /**
     * Parses an argument line into one or more arguments
     * e.g. .line('"arg one" two -z') is equivalent to .arg(['arg one', 'two', '-z'])
     * returns ToolRunner for chaining
     *
     * @param     val        string argument line
     * @returns   ToolRunner
     */
    ToolRunner.prototype.line = function (val) {
        if (!val) {
            return this;
        }
        this._debug(this.toolPath + ' arg: ' + val);
        this.args = this.args.concat(this._argStringToArray(val));
        return this;
    };
    /**
     * Add argument(s) if a condition is met
     * Wraps arg().  See arg for details
     * returns ToolRunner for chaining
     *
     * @param     condition     boolean condition
     * @param     val     string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.argIf = function (condition, val) {
        if (condition) {
            this.arg(val);
        }
        return this;
    };
    /**
     * Pipe output of exec() to another tool
     * @param tool
     * @param file  optional filename to additionally stream the output to.
     * @returns {ToolRunner}
     */
    ToolRunner.prototype.pipeExecOutputToTool = function (tool, file) {
        this.pipeOutputToTool = tool;
        this.pipeOutputToFile = file;
        return this;
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.execAsync = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPipingAsync(this.pipeOutputToTool, options);
        }
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        var emitDoneEvent = function (resolve, reject) {
            state.on('done', function (error, exitCode) {
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (cp) {
                    cp.removeAllListeners();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(exitCode);
                }
            });
        };
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            return new Promise(function (resolve, reject) {
                emitDoneEvent(resolve, reject);
                state.processError = error.message;
                state.processExited = true;
                state.processClosed = true;
                state.CheckComplete();
            });
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return new Promise(emitDoneEvent);
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @deprecated Use the `execAsync` method that returns a native Javascript promise instead
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.exec = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPiping(this.pipeOutputToTool, options);
        }
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        state.on('done', function (error, exitCode) {
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (cp) {
                cp.removeAllListeners();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(exitCode);
            }
        });
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            state.processError = error.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
            return defer.promise;
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return defer.promise;
    };
    /**
     * Exec a tool synchronously.
     * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
     * Appropriate for short running tools
     * Returns IExecSyncResult with output and return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecSyncOptions
     * @returns   IExecSyncResult
     */
    ToolRunner.prototype.execSync = function (options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        options = this._cloneExecOptions(options);
        var ext = options.externalOutput;
        if (!options.silent) {
            var cmdLine = this._getCommandString(options) + os.EOL;
            options.outStream.write(ext ? eom.filterExternalOutput(cmdLine, ext) : cmdLine);
        }
        var r = child.spawnSync(this._getSpawnFileName(options), this._getSpawnArgs(options), this._getSpawnSyncOptions(options));
        if (!options.silent && r.stdout && r.stdout.length > 0) {
            options.outStream.write(ext ? eom.filterExternalOutput(r.stdout, ext) : r.stdout);
        }
        if (!options.silent && r.stderr && r.stderr.length > 0) {
            options.errStream.write(ext ? eom.filterExternalOutput(r.stderr, ext) : r.stderr);
        }
        var res = { code: r.status, error: r.error };
        res.stdout = (r.stdout) ? r.stdout.toString() : '';
        res.stderr = (r.stderr) ? r.stderr.toString() : '';
        return res;
    };
    /**
     * Used to close child process by sending SIGNINT signal.
     * It allows executed script to have some additional logic on SIGINT, before exiting.
     */
    ToolRunner.prototype.killChildProcess = function (signal) {
        if (signal === void 0) { signal = "SIGTERM"; }
        if (this.childProcess) {
            this._debug("[killChildProcess] Signal ".concat(signal, " received"));
            this.childProcess.kill(signal);
        }
    };
    return ToolRunner;
}(events.EventEmitter));
exports.ToolRunner = ToolRunner;
var ExecState = /** @class */ (function (_super) {
    __extends(ExecState, _super);
    function ExecState(options, toolPath) {
        var _this = _super.call(this) || this;
        _this.delay = 10000; // 10 seconds
        _this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        _this.options = options;
        _this.toolPath = toolPath;
        var delay = process.env['TASKLIB_TEST_TOOLRUNNER_EXITDELAY'];
        if (delay) {
            _this.delay = parseInt(delay);
        }
        return _this;
    }
    ExecState.prototype.CheckComplete = function () {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    };
    ExecState.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ExecState.prototype._setResult = function () {
        // determine whether there is an error
        var error;
        if (this.processExited) {
            this._debug("Process exited with code ".concat(this.processExitCode, " and signal ").concat(this.processExitSignal, " for tool '").concat(this.toolPath, "'"));
            if (this.processError) {
                error = new Error(im._loc('LIB_ProcessError', this.toolPath, this.processError));
            }
            else if (this.processExitCode != 0 && !this.options.ignoreReturnCode) {
                error = new Error(im._loc('LIB_ProcessExitCode', this.toolPath, this.processExitCode));
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(im._loc('LIB_ProcessStderr', this.toolPath));
            }
        }
        if (this.processClosed) {
            this._debug("STDIO streams have closed and received exit code ".concat(this.processCloseCode, " and signal ").concat(this.processCloseSignal, " for tool '").concat(this.toolPath, "'"));
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    };
    ExecState.HandleTimeout = function (state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            console.log(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
            state._debug(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
        }
        state._setResult();
    };
    return ExecState;
}(events.EventEmitter));


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Vault = void 0;
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var crypto = __nccwpck_require__(6982);
var algorithm = "aes-256-ctr";
var encryptEncoding = 'hex';
var unencryptedEncoding = 'utf8';
//
// Store sensitive data in proc.
// Main goal: Protects tasks which would dump envvars from leaking secrets inadvertently
//            the task lib clears after storing.
// Also protects against a dump of a process getting the secrets
// The secret is generated and stored externally for the lifetime of the task.
//
var Vault = /** @class */ (function () {
    function Vault(keyPath) {
        this._keyFile = path.join(keyPath, '.taskkey');
        this._store = {};
        this.genKey();
    }
    Vault.prototype.initialize = function () { };
    Vault.prototype.storeSecret = function (name, data) {
        if (!name || name.length == 0) {
            return false;
        }
        name = name.toLowerCase();
        if (!data || data.length == 0) {
            if (this._store.hasOwnProperty(name)) {
                delete this._store[name];
            }
            return false;
        }
        var key = this.getKey();
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv(algorithm, key, iv);
        var crypted = cipher.update(data, unencryptedEncoding, encryptEncoding);
        var cryptedFinal = cipher.final(encryptEncoding);
        this._store[name] = iv.toString(encryptEncoding) + crypted + cryptedFinal;
        return true;
    };
    Vault.prototype.retrieveSecret = function (name) {
        var secret;
        name = (name || '').toLowerCase();
        if (this._store.hasOwnProperty(name)) {
            var key = this.getKey();
            var data = this._store[name];
            var ivDataBuffer = Buffer.from(data, encryptEncoding);
            var iv = ivDataBuffer.slice(0, 16);
            var encryptedText = ivDataBuffer.slice(16);
            var decipher = crypto.createDecipheriv(algorithm, key, iv);
            var dec = decipher.update(encryptedText);
            var decFinal = decipher.final(unencryptedEncoding);
            secret = dec + decFinal;
        }
        return secret;
    };
    Vault.prototype.getKey = function () {
        var key = fs.readFileSync(this._keyFile).toString('utf8');
        // Key needs to be hashed to correct length to match algorithm (aes-256-ctr)
        return crypto.createHash('sha256').update(key).digest();
    };
    Vault.prototype.genKey = function () {
        var key;
        if (crypto.randomUUID) {
            key = crypto.randomUUID();
        }
        else {
            var bytes = crypto.randomBytes(16);
            bytes[6] = (bytes[6] & 0x0f) | 0x40;
            bytes[8] = (bytes[8] & 0x3f) | 0x80;
            var hex = bytes.toString('hex');
            key = hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
        }
        fs.writeFileSync(this._keyFile, key, { encoding: 'utf8' });
    };
    return Vault;
}());
exports.Vault = Vault;


/***/ }),

/***/ 9380:
/***/ ((module) => {


module.exports = balanced;
function balanced(a, b, str) {
  if (a instanceof RegExp) a = maybeMatch(a, str);
  if (b instanceof RegExp) b = maybeMatch(b, str);

  var r = range(a, b, str);

  return r && {
    start: r[0],
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + a.length, r[1]),
    post: str.slice(r[1] + b.length)
  };
}

function maybeMatch(reg, str) {
  var m = str.match(reg);
  return m ? m[0] : null;
}

balanced.range = range;
function range(a, b, str) {
  var begs, beg, left, right, result;
  var ai = str.indexOf(a);
  var bi = str.indexOf(b, ai + 1);
  var i = ai;

  if (ai >= 0 && bi > 0) {
    if(a===b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;

    while (i >= 0 && !result) {
      if (i == ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length == 1) {
        result = [ begs.pop(), bi ];
      } else {
        beg = begs.pop();
        if (beg < left) {
          left = beg;
          right = bi;
        }

        bi = str.indexOf(b, i + 1);
      }

      i = ai < bi && ai >= 0 ? ai : bi;
    }

    if (begs.length) {
      result = [ left, right ];
    }
  }

  return result;
}


/***/ }),

/***/ 4691:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var concatMap = __nccwpck_require__(7087)
var balanced = __nccwpck_require__(9380)

module.exports = expandTop

var escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0'
var escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0'
var escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0'
var escComma = '\0COMMA' + Math.random().toFixed(16) + '\0'
var escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0'

var EXPANSION_MAX = 100000

// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
var EXPANSION_MAX_LENGTH = 4000000

// `expand` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
var EXPANSION_MAX_DEPTH = 1000

// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
var EXPANSION_MAX_REWRITES = 1000

// `EXPANSION_MAX_STEPS` bounds the work one `expandTop` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
var EXPANSION_MAX_STEPS = 20000000

// What one `expand` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
var CALL_STEPS = 16

function numeric(str) {
  return parseInt(str, 10) == str ? parseInt(str, 10) : str.charCodeAt(0)
}

function escapeBraces(str) {
  return str
    .split('\\\\')
    .join(escSlash)
    .split('\\{')
    .join(escOpen)
    .split('\\}')
    .join(escClose)
    .split('\\,')
    .join(escComma)
    .split('\\.')
    .join(escPeriod)
}

function unescapeBraces(str) {
  return str
    .split(escSlash)
    .join('\\')
    .split(escOpen)
    .join('{')
    .split(escClose)
    .join('}')
    .split(escComma)
    .join(',')
    .split(escPeriod)
    .join('.')
}

// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
  for (var i = 0; i < items.length; i++) {
    target.push(items[i])
  }
}

// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
//
// `budget` is `{ remaining }`, one counter shared by every level and group of
// an `expandTop` call, so the bound holds for the call as a whole.
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return undefined
  }
  var r = balanced.range('{', '}', masked)
  var unmatched = r !== undefined && masked.indexOf('{') < r[0]
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length
  if (!r || budget.remaining < 0) {
    return undefined
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched: unmatched,
  }
}

// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length
  var open = []
  for (var i = 0; i < masked.length; i++) {
    var c = masked.charCodeAt(i)
    if (c === 0x7b) {
      open.push(i)
    } else if (c === 0x7d && open.length) {
      open.pop()
    }
  }
  var out = ''
  var last = 0
  for (var j = 0; j < open.length; j++) {
    out += masked.slice(last, open[j]) + '\0'
    last = open[j] + 1
  }
  return out + masked.slice(last)
}

// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
  budget.remaining -= str.length
  if (budget.remaining < 0) {
    return false
  }
  // Whether a `}` follows the current position before the line ends
  var close = false
  for (var i = str.length - 1; i >= 0; i--) {
    var c = str.charCodeAt(i)
    if (c === 0x7d) {
      close = true
    } else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      // A line terminator, which `.` does not match
      close = false
    } else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
      return true
    }
  }
  return false
}

// Basically just str.split(","), but handling cases
// where we have nested braced sections, which should be
// treated as individual members, like {a,{b,c},d}
//
// Returns `undefined` if the step budget runs out before the whole set is
// split, since splitting what is left on every comma would tear apart the
// nested sets it still holds.
function parseCommaParts(str, budget) {
  var parts = []

  // Walk the brace groups iteratively. Recursing on `post` once per group let a
  // chain of them exhaust the stack - the parsing-side counterpart to
  // the `expand` overflow fixed for CVE-2026-14257, and not something `max` or
  // `maxLength` can bound, since it happens before expansion.
  //
  // The part the next chunk continues
  var carry = ''

  for (;;) {
    // A set's body holds no unmatched `{`, so there is nothing to mask.
    var m = balancedWithBudget(str, str, budget)

    if (budget.remaining < 0) {
      return undefined
    }

    if (!m) {
      var tail = str.split(',')
      tail[0] = carry + tail[0]
      pushAll(parts, tail)
      return parts
    }

    var pre = m.pre
    var body = m.body
    var post = m.post
    var p = pre.split(',')

    p[0] = carry + p[0]
    p[p.length - 1] += '{' + body + '}'

    if (!post.length) {
      pushAll(parts, p)
      return parts
    }

    carry = p.pop()
    pushAll(parts, p)
    str = post
  }
}

// An option that is left out or null, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
  return value == null || isNaN(value) ? fallback : value
}

function expandTop(str, options) {
  if (!str) return []

  options = options || {}
  var max = bound(options.max, EXPANSION_MAX)
  var maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH)
  var maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH)
  var maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES)
  var maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS)

  // I don't know why Bash 4.3 does this, but it does.
  // Anything starting with {} will have the first two bytes preserved
  // but *only* at the top level, so {},a}b will not expand to anything,
  // but a{},b}c will be expanded to [a}c,abc].
  // One could argue that this is a bug in Bash, but since the goal of
  // this module is to match Bash's rules, we escape a leading {}
  if (str.substr(0, 2) === '{}') {
    str = '\\{\\}' + str.substr(2)
  }

  return expand(
    escapeBraces(str),
    max,
    maxLength,
    maxDepth,
    0,
    maxRewrites,
    { remaining: maxSteps },
    true
  ).map(unescapeBraces)
}

function identity(e) {
  return e
}

function embrace(str) {
  return '{' + str + '}'
}
function isPadded(el) {
  return /^-?0\d/.test(el)
}

function lte(i, y) {
  return i <= y
}
function gte(i, y) {
  return i >= y
}

// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
//
// `base[a]` is the length of the part of `acc[a]` that predates the current
// empty-drop baseline (see `expand`). The matching baselines for the results
// are appended to `outBase`, which the caller carries forward alongside them.
function combine(
  acc,
  base,
  pre,
  values,
  max,
  maxLength,
  dropEmpties,
  outBase,
  budget
) {
  var out = []
  var length = 0
  // Bash drops empty results at the top level, and they don't count against
  // `max`, so `max` bounds the number of *kept* results. "Empty" means "adds
  // nothing past the baseline", not "empty overall", and only an `acc[a] + pre`
  // that adds nothing can make one, so for those the empty values are skipped
  // without being visited. Visiting them one at a time let a set of empties
  // cost `acc.length * values.length` while keeping nothing.
  var nonEmpty
  outer: for (var a = 0; a < acc.length; a++) {
    var prefix = acc[a] + pre
    var vs = values
    if (dropEmpties && prefix.length === base[a]) {
      if (!nonEmpty) nonEmpty = values.filter(Boolean)
      vs = nonEmpty
    }
    for (var v = 0; v < vs.length; v++) {
      if (out.length >= max) break outer
      var expansion = prefix + vs[v]
      if (length + expansion.length > maxLength) break outer
      out.push(expansion)
      outBase.push(base[a])
      length += expansion.length
    }
  }
  budget.remaining -= out.length
  return out
}

// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  var n = body.split(/\.\./)
  var N = []
  // A sequence body always splits into two or three parts, but the compiler
  // can't know that.
  /* c8 ignore start */
  if (n[0] === undefined || n[1] === undefined) {
    return N
  }
  /* c8 ignore stop */
  var x = numeric(n[0])
  var y = numeric(n[1])
  var width = Math.max(n[0].length, n[1].length)
  var incr =
    n.length === 3 && n[2] !== undefined ?
      Math.max(Math.abs(numeric(n[2])), 1)
    : 1
  var test = lte
  var reverse = y < x
  if (reverse) {
    incr *= -1
    test = gte
  }
  var pad = n.some(isPadded)
  // A padded value is built a character at a time to `width`, which the input
  // sets, so it costs one step per character: 64KB of
  // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
  // one step per value.
  var cost = pad ? width : 1

  var length = 0
  for (var i = x; test(i, y) && N.length < max; i += incr) {
    // Each value is a step. `max` and `maxLength` bound one sequence, but a
    // chain of them still generated up to `max` values each, however few
    // combining could keep.
    budget.remaining -= cost
    if (budget.remaining < 0) {
      return undefined
    }
    var c
    if (isAlphaSequence) {
      c = String.fromCharCode(i)
      if (c === '\\') {
        c = ''
      }
    } else {
      c = String(i)
      if (pad) {
        var need = width - c.length
        if (need > 0) {
          var z = new Array(need + 1).join('0')
          if (i < 0) {
            c = '-' + z + c.slice(1)
          } else {
            c = z + c
          }
        }
      }
    }
    if (length + c.length > maxLength) break
    N.push(c)
    length += c.length
  }
  return N
}

function expand(
  str,
  max,
  maxLength,
  maxDepth,
  depth,
  maxRewrites,
  budget,
  isTop
) {
  // An overdraft here makes the first scan refuse, so `str` stays literal.
  budget.remaining -= CALL_STEPS

  // Too deeply nested to keep following: treat the rest as literal, the same
  // way a group that cannot expand is already handled. Truncating rather than
  // throwing keeps expansion total, matching `max` and `maxLength`.
  if (depth > maxDepth) {
    return [str]
  }

  // Consume the string's top-level brace groups left to right, threading a
  // running set of combined prefixes (`acc`). Expanding the tail iteratively -
  // rather than recursing on `m.post` once per group - keeps the native stack
  // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
  // longer overflow the stack, and leaves a single accumulator whose size
  // `maxLength` bounds directly (CVE-2026-14257).
  var acc = ['']

  // Bash drops empty results, but only when the *first* group of the run is a
  // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
  // is on the final strings, so it is applied to whichever `combine` produces
  // them (the one with no brace set left in the tail).
  //
  // The old implementation recursed on `m.post`, so the drop tested only the
  // expansion of the current call's substring. The `{a},b}` rewrite below turns
  // `isTop` back on part-way through a string, starting a fresh such run, so
  // the drop must ignore whatever `acc` already holds from earlier groups.
  // `accBase[a]` records how much of `acc[a]` predates the current run;
  // `combine` treats an expansion as empty when it adds nothing past that.
  var accBase = [0]
  // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
  // re-reads the whole string, so leaving this unbounded is quadratic.
  var rewrites = 0
  var dropEmpties = false
  var firstGroup = true
  // `str` with its unmatched `{` masked, once a scan has run into them
  var masked = str
  var nextBase

  for (;;) {
    var m = balancedWithBudget(str, masked, budget)

    // No brace set left, or no step budget left to look for one: the rest of
    // the string is literal.
    if (!m) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget)
    }

    // no need to expand pre, since it is guaranteed to be free of brace-sets
    var pre = m.pre

    // This set and the rest of the string, literal: for a set that cannot
    // expand, and for one the step budget runs out on. Once it is overdrawn,
    // every set still being expanded, at every level, stays literal like this -
    // otherwise each level above would go on combining, and wrapping and
    // expanding again, results the budget was too small for.
    var literal = function () {
      return combine(
        acc,
        accBase,
        pre + '{' + m.body + '}' + m.post,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    // For compatibility reasons, `${` is not eligible for brace expansion, and
    // on the 1.x line it suppresses expansion of the rest of the string too:
    // the whole remainder is literal. The 2.x and 5.x lines instead keep
    // expanding the tail, which is what bash does, but changing that here would
    // be a breaking change for 1.x consumers. Routed through `combine` so the
    // result is still bounded by `max` and `maxLength`.
    if (/\$$/.test(pre)) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    var isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body)
    var isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(
      m.body
    )
    var isSequence = isNumericSequence || isAlphaSequence
    var isOptions = m.body.indexOf(',') >= 0
    if (!isSequence && !isOptions) {
      // {a},b}
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++
        str = m.pre + '{' + m.body + escClose + m.post
        // Taking a `}` away never gives an unmatched `{` a partner, so what
        // is masked stays unmatched. The `{` it closed can be left without
        // one, and the next scan masks it.
        masked =
          masked.slice(0, m.end) + escClose + masked.slice(m.end + 1)
        // The rewritten string is expanded as if it were a fresh top-level one,
        // so start a new empty-drop run: anchor the baseline at what `acc`
        // holds now, and let the next expanding group decide whether to drop.
        isTop = true
        firstGroup = true
        dropEmpties = false
        accBase = []
        for (var b = 0; b < acc.length; b++) {
          accBase.push(acc[b].length)
        }
        continue
      }
      // Nothing here expands, so the whole remaining string is literal.
      return literal()
    }

    if (firstGroup) {
      dropEmpties = isTop && !isSequence
      firstGroup = false
    }

    var values
    if (isSequence) {
      values = expandSequence(
        m.body,
        isAlphaSequence,
        max,
        maxLength,
        budget
      )
      if (!values) {
        return literal()
      }
    } else {
      var n = parseCommaParts(m.body, budget)
      // The step budget ran out partway through the set.
      if (!n) {
        return literal()
      }
      if (n.length === 1 && n[0] !== undefined) {
        // x{{a,b}}y ==> x{a}y x{b}y
        n = expand(
          n[0],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        ).map(embrace)
        // The step budget ran out expanding the set's only part.
        if (budget.remaining < 0) {
          return literal()
        }
        //XXX is this necessary? Can't seem to hit it in tests.
        /* c8 ignore start */
        if (n.length === 1) {
          nextBase = []
          var single = combine(
            acc,
            accBase,
            pre + n[0],
            [''],
            max,
            maxLength,
            dropEmpties && !m.post.length,
            nextBase,
            budget
          )
          if (budget.remaining < 0) {
            return literal()
          }
          acc = single
          accBase = nextBase
          if (!m.post.length) break
          str = m.post
          masked = masked.slice(m.end + 1)
          continue
        }
        /* c8 ignore stop */
      }

      // Values that `combine` is going to drop as empty produce no result, so
      // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
      // would stop at `['a', '']` and yield one result instead of two. Skipping
      // them outright keeps `values` bounded while leaving `max` a bound on
      // *kept* results. A value is dropped when it adds nothing past the
      // baseline, which is what `combine` tests.
      var dropsEmpties = dropEmpties && !m.post.length && !pre
      for (var d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d].length !== accBase[d]) {
          dropsEmpties = false
        }
      }

      values = []
      var valuesLength = 0
      outer: for (var j = 0; j < n.length; j++) {
        var expanded = expand(
          n[j],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        )
        // The step budget ran out expanding a member.
        if (budget.remaining < 0) {
          return literal()
        }
        for (var k = 0; k < expanded.length; k++) {
          var v = expanded[k]
          if (dropsEmpties && !v) continue
          if (
            values.length >= max ||
            valuesLength + v.length > maxLength
          ) {
            break outer
          }
          values.push(v)
          valuesLength += v.length
        }
      }
    }

    nextBase = []
    var next = combine(
      acc,
      accBase,
      pre,
      values,
      max,
      maxLength,
      dropEmpties && !m.post.length,
      nextBase,
      budget
    )
    // The step budget ran out combining the set's values in.
    if (budget.remaining < 0) {
      return literal()
    }
    acc = next
    accBase = nextBase
    if (!m.post.length) break
    str = m.post
    masked = masked.slice(m.end + 1)
  }

  return acc
}


/***/ }),

/***/ 7087:
/***/ ((module) => {

module.exports = function (xs, fn) {
    var res = [];
    for (var i = 0; i < xs.length; i++) {
        var x = fn(xs[i], i);
        if (isArray(x)) res.push.apply(res, x);
        else res.push(x);
    }
    return res;
};

var isArray = Array.isArray || function (xs) {
    return Object.prototype.toString.call(xs) === '[object Array]';
};


/***/ }),

/***/ 3772:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = minimatch
minimatch.Minimatch = Minimatch

var path = (function () { try { return __nccwpck_require__(6928) } catch (e) {}}()) || {
  sep: '/'
}
minimatch.sep = path.sep

var GLOBSTAR = minimatch.GLOBSTAR = Minimatch.GLOBSTAR = {}
var expand = __nccwpck_require__(4691)

var plTypes = {
  '!': { open: '(?:(?!(?:', close: '))[^/]*?)'},
  '?': { open: '(?:', close: ')?' },
  '+': { open: '(?:', close: ')+' },
  '*': { open: '(?:', close: ')*' },
  '@': { open: '(?:', close: ')' }
}

// any single thing other than /
// don't need to escape / when using new RegExp()
var qmark = '[^/]'

// * => any number of characters
var star = qmark + '*?'

// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
var twoStarDot = '(?:(?!(?:\\\/|^)(?:\\.{1,2})($|\\\/)).)*?'

// not a ^ or / followed by a dot,
// followed by anything, any number of times.
var twoStarNoDot = '(?:(?!(?:\\\/|^)\\.).)*?'

// characters that need to be escaped in RegExp.
var reSpecials = charSet('().*{}+?[]^$\\!')

// "abc" -> { a:true, b:true, c:true }
function charSet (s) {
  return s.split('').reduce(function (set, c) {
    set[c] = true
    return set
  }, {})
}

// normalizes slashes.
var slashSplit = /\/+/

minimatch.filter = filter
function filter (pattern, options) {
  options = options || {}
  return function (p, i, list) {
    return minimatch(p, pattern, options)
  }
}

function ext (a, b) {
  b = b || {}
  var t = {}
  Object.keys(a).forEach(function (k) {
    t[k] = a[k]
  })
  Object.keys(b).forEach(function (k) {
    t[k] = b[k]
  })
  return t
}

minimatch.defaults = function (def) {
  if (!def || typeof def !== 'object' || !Object.keys(def).length) {
    return minimatch
  }

  var orig = minimatch

  var m = function minimatch (p, pattern, options) {
    return orig(p, pattern, ext(def, options))
  }

  m.Minimatch = function Minimatch (pattern, options) {
    return new orig.Minimatch(pattern, ext(def, options))
  }
  m.Minimatch.defaults = function defaults (options) {
    return orig.defaults(ext(def, options)).Minimatch
  }

  m.filter = function filter (pattern, options) {
    return orig.filter(pattern, ext(def, options))
  }

  m.defaults = function defaults (options) {
    return orig.defaults(ext(def, options))
  }

  m.makeRe = function makeRe (pattern, options) {
    return orig.makeRe(pattern, ext(def, options))
  }

  m.braceExpand = function braceExpand (pattern, options) {
    return orig.braceExpand(pattern, ext(def, options))
  }

  m.match = function (list, pattern, options) {
    return orig.match(list, pattern, ext(def, options))
  }

  return m
}

Minimatch.defaults = function (def) {
  return minimatch.defaults(def).Minimatch
}

function minimatch (p, pattern, options) {
  assertValidPattern(pattern)

  if (!options) options = {}

  // shortcut: comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    return false
  }

  return new Minimatch(pattern, options).match(p)
}

function Minimatch (pattern, options) {
  if (!(this instanceof Minimatch)) {
    return new Minimatch(pattern, options)
  }

  assertValidPattern(pattern)

  if (!options) options = {}

  pattern = pattern.trim()

  // windows support: need to use /, not \
  if (!options.allowWindowsEscape && path.sep !== '/') {
    pattern = pattern.split(path.sep).join('/')
  }

  this.options = options
  this.maxGlobstarRecursion = options.maxGlobstarRecursion !== undefined
    ? options.maxGlobstarRecursion : 200
  this.set = []
  this.pattern = pattern
  this.regexp = null
  this.negate = false
  this.comment = false
  this.empty = false
  this.partial = !!options.partial

  // make the set of regexps etc.
  this.make()
}

Minimatch.prototype.debug = function () {}

Minimatch.prototype.make = make
function make () {
  var pattern = this.pattern
  var options = this.options

  // empty patterns and comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    this.comment = true
    return
  }
  if (!pattern) {
    this.empty = true
    return
  }

  // step 1: figure out negation, etc.
  this.parseNegate()

  // step 2: expand braces
  var set = this.globSet = this.braceExpand()

  if (options.debug) this.debug = function debug() { console.error.apply(console, arguments) }

  this.debug(this.pattern, set)

  // step 3: now we have a set, so turn each one into a series of path-portion
  // matching patterns.
  // These will be regexps, except in the case of "**", which is
  // set to the GLOBSTAR object for globstar behavior,
  // and will not contain any / characters
  set = this.globParts = set.map(function (s) {
    return s.split(slashSplit)
  })

  this.debug(this.pattern, set)

  // glob --> regexps
  set = set.map(function (s, si, set) {
    return s.map(this.parse, this)
  }, this)

  this.debug(this.pattern, set)

  // filter out everything that didn't compile properly.
  set = set.filter(function (s) {
    return s.indexOf(false) === -1
  })

  this.debug(this.pattern, set)

  this.set = set
}

Minimatch.prototype.parseNegate = parseNegate
function parseNegate () {
  var pattern = this.pattern
  var negate = false
  var options = this.options
  var negateOffset = 0

  if (options.nonegate) return

  for (var i = 0, l = pattern.length
    ; i < l && pattern.charAt(i) === '!'
    ; i++) {
    negate = !negate
    negateOffset++
  }

  if (negateOffset) this.pattern = pattern.substr(negateOffset)
  this.negate = negate
}

// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
minimatch.braceExpand = function (pattern, options) {
  return braceExpand(pattern, options)
}

Minimatch.prototype.braceExpand = braceExpand

function braceExpand (pattern, options) {
  if (!options) {
    if (this instanceof Minimatch) {
      options = this.options
    } else {
      options = {}
    }
  }

  pattern = typeof pattern === 'undefined'
    ? this.pattern : pattern

  assertValidPattern(pattern)

  // Thanks to Yeting Li <https://github.com/yetingli> for
  // improving this regexp to avoid a ReDOS vulnerability.
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    // shortcut. no need to expand.
    return [pattern]
  }

  return expand(pattern)
}

var MAX_PATTERN_LENGTH = 1024 * 64
var assertValidPattern = function (pattern) {
  if (typeof pattern !== 'string') {
    throw new TypeError('invalid pattern')
  }

  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError('pattern is too long')
  }
}

// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
Minimatch.prototype.parse = parse
var SUBPARSE = {}
function parse (pattern, isSub) {
  assertValidPattern(pattern)

  var options = this.options

  // shortcuts
  if (pattern === '**') {
    if (!options.noglobstar)
      return GLOBSTAR
    else
      pattern = '*'
  }
  if (pattern === '') return ''

  var re = ''
  var hasMagic = !!options.nocase
  var escaping = false
  // ? => one single character
  var patternListStack = []
  var negativeLists = []
  var stateChar
  var inClass = false
  var reClassStart = -1
  var classStart = -1
  // . and .. never match anything that doesn't start with .,
  // even when options.dot is set.
  var patternStart = pattern.charAt(0) === '.' ? '' // anything
  // not (start or / followed by . or .. followed by / or end)
  : options.dot ? '(?!(?:^|\\\/)\\.{1,2}(?:$|\\\/))'
  : '(?!\\.)'
  var self = this

  function clearStateChar () {
    if (stateChar) {
      // we had some state-tracking character
      // that wasn't consumed by this pass.
      switch (stateChar) {
        case '*':
          re += star
          hasMagic = true
        break
        case '?':
          re += qmark
          hasMagic = true
        break
        default:
          re += '\\' + stateChar
        break
      }
      self.debug('clearStateChar %j %j', stateChar, re)
      stateChar = false
    }
  }

  for (var i = 0, len = pattern.length, c
    ; (i < len) && (c = pattern.charAt(i))
    ; i++) {
    this.debug('%s\t%s %s %j', pattern, i, re, c)

    // skip over any that are escaped.
    if (escaping && reSpecials[c]) {
      re += '\\' + c
      escaping = false
      continue
    }

    switch (c) {
      /* istanbul ignore next */
      case '/': {
        // completely not allowed, even escaped.
        // Should already be path-split by now.
        return false
      }

      case '\\':
        clearStateChar()
        escaping = true
      continue

      // the various stateChar values
      // for the "extglob" stuff.
      case '?':
      case '*':
      case '+':
      case '@':
      case '!':
        this.debug('%s\t%s %s %j <-- stateChar', pattern, i, re, c)

        // all of those are literals inside a class, except that
        // the glob [!a] means [^a] in regexp
        if (inClass) {
          this.debug('  in class')
          if (c === '!' && i === classStart + 1) c = '^'
          re += c
          continue
        }

        // coalesce consecutive non-globstar * characters
        if (c === '*' && stateChar === '*') continue

        // if we already have a stateChar, then it means
        // that there was something like ** or +? in there.
        // Handle the stateChar, then proceed with this one.
        self.debug('call clearStateChar %j', stateChar)
        clearStateChar()
        stateChar = c
        // if extglob is disabled, then +(asdf|foo) isn't a thing.
        // just clear the statechar *now*, rather than even diving into
        // the patternList stuff.
        if (options.noext) clearStateChar()
      continue

      case '(':
        if (inClass) {
          re += '('
          continue
        }

        if (!stateChar) {
          re += '\\('
          continue
        }

        patternListStack.push({
          type: stateChar,
          start: i - 1,
          reStart: re.length,
          open: plTypes[stateChar].open,
          close: plTypes[stateChar].close
        })
        // negation is (?:(?!js)[^/]*)
        re += stateChar === '!' ? '(?:(?!(?:' : '(?:'
        this.debug('plType %j %j', stateChar, re)
        stateChar = false
      continue

      case ')':
        if (inClass || !patternListStack.length) {
          re += '\\)'
          continue
        }

        clearStateChar()
        hasMagic = true
        var pl = patternListStack.pop()
        // negation is (?:(?!js)[^/]*)
        // The others are (?:<pattern>)<type>
        re += pl.close
        if (pl.type === '!') {
          negativeLists.push(pl)
        }
        pl.reEnd = re.length
      continue

      case '|':
        if (inClass || !patternListStack.length || escaping) {
          re += '\\|'
          escaping = false
          continue
        }

        clearStateChar()
        re += '|'
      continue

      // these are mostly the same in regexp and glob
      case '[':
        // swallow any state-tracking char before the [
        clearStateChar()

        if (inClass) {
          re += '\\' + c
          continue
        }

        inClass = true
        classStart = i
        reClassStart = re.length
        re += c
      continue

      case ']':
        //  a right bracket shall lose its special
        //  meaning and represent itself in
        //  a bracket expression if it occurs
        //  first in the list.  -- POSIX.2 2.8.3.2
        if (i === classStart + 1 || !inClass) {
          re += '\\' + c
          escaping = false
          continue
        }

        // handle the case where we left a class open.
        // "[z-a]" is valid, equivalent to "\[z-a\]"
        // split where the last [ was, make sure we don't have
        // an invalid re. if so, re-walk the contents of the
        // would-be class to re-translate any characters that
        // were passed through as-is
        // TODO: It would probably be faster to determine this
        // without a try/catch and a new RegExp, but it's tricky
        // to do safely.  For now, this is safe and works.
        var cs = pattern.substring(classStart + 1, i)
        try {
          RegExp('[' + cs + ']')
        } catch (er) {
          // not a valid class!
          var sp = this.parse(cs, SUBPARSE)
          re = re.substr(0, reClassStart) + '\\[' + sp[0] + '\\]'
          hasMagic = hasMagic || sp[1]
          inClass = false
          continue
        }

        // finish up the class.
        hasMagic = true
        inClass = false
        re += c
      continue

      default:
        // swallow any state char that wasn't consumed
        clearStateChar()

        if (escaping) {
          // no need
          escaping = false
        } else if (reSpecials[c]
          && !(c === '^' && inClass)) {
          re += '\\'
        }

        re += c

    } // switch
  } // for

  // handle the case where we left a class open.
  // "[abc" is valid, equivalent to "\[abc"
  if (inClass) {
    // split where the last [ was, and escape it
    // this is a huge pita.  We now have to re-walk
    // the contents of the would-be class to re-translate
    // any characters that were passed through as-is
    cs = pattern.substr(classStart + 1)
    sp = this.parse(cs, SUBPARSE)
    re = re.substr(0, reClassStart) + '\\[' + sp[0]
    hasMagic = hasMagic || sp[1]
  }

  // handle the case where we had a +( thing at the *end*
  // of the pattern.
  // each pattern list stack adds 3 chars, and we need to go through
  // and escape any | chars that were passed through as-is for the regexp.
  // Go through and escape them, taking care not to double-escape any
  // | chars that were already escaped.
  for (pl = patternListStack.pop(); pl; pl = patternListStack.pop()) {
    var tail = re.slice(pl.reStart + pl.open.length)
    this.debug('setting tail', re, pl)
    // maybe some even number of \, then maybe 1 \, followed by a |
    tail = tail.replace(/((?:\\{2}){0,64})(\\?)\|/g, function (_, $1, $2) {
      if (!$2) {
        // the | isn't already escaped, so escape it.
        $2 = '\\'
      }

      // need to escape all those slashes *again*, without escaping the
      // one that we need for escaping the | character.  As it works out,
      // escaping an even number of slashes can be done by simply repeating
      // it exactly after itself.  That's why this trick works.
      //
      // I am sorry that you have to see this.
      return $1 + $1 + $2 + '|'
    })

    this.debug('tail=%j\n   %s', tail, tail, pl, re)
    var t = pl.type === '*' ? star
      : pl.type === '?' ? qmark
      : '\\' + pl.type

    hasMagic = true
    re = re.slice(0, pl.reStart) + t + '\\(' + tail
  }

  // handle trailing things that only matter at the very end.
  clearStateChar()
  if (escaping) {
    // trailing \\
    re += '\\\\'
  }

  // only need to apply the nodot start if the re starts with
  // something that could conceivably capture a dot
  var addPatternStart = false
  switch (re.charAt(0)) {
    case '[': case '.': case '(': addPatternStart = true
  }

  // Hack to work around lack of negative lookbehind in JS
  // A pattern like: *.!(x).!(y|z) needs to ensure that a name
  // like 'a.xyz.yz' doesn't match.  So, the first negative
  // lookahead, has to look ALL the way ahead, to the end of
  // the pattern.
  for (var n = negativeLists.length - 1; n > -1; n--) {
    var nl = negativeLists[n]

    var nlBefore = re.slice(0, nl.reStart)
    var nlFirst = re.slice(nl.reStart, nl.reEnd - 8)
    var nlLast = re.slice(nl.reEnd - 8, nl.reEnd)
    var nlAfter = re.slice(nl.reEnd)

    nlLast += nlAfter

    // Handle nested stuff like *(*.js|!(*.json)), where open parens
    // mean that we should *not* include the ) in the bit that is considered
    // "after" the negated section.
    var openParensBefore = nlBefore.split('(').length - 1
    var cleanAfter = nlAfter
    for (i = 0; i < openParensBefore; i++) {
      cleanAfter = cleanAfter.replace(/\)[+*?]?/, '')
    }
    nlAfter = cleanAfter

    var dollar = ''
    if (nlAfter === '' && isSub !== SUBPARSE) {
      dollar = '$'
    }
    var newRe = nlBefore + nlFirst + nlAfter + dollar + nlLast
    re = newRe
  }

  // if the re is not "" at this point, then we need to make sure
  // it doesn't match against an empty path part.
  // Otherwise a/* will match a/, which it should not.
  if (re !== '' && hasMagic) {
    re = '(?=.)' + re
  }

  if (addPatternStart) {
    re = patternStart + re
  }

  // parsing just a piece of a larger pattern.
  if (isSub === SUBPARSE) {
    return [re, hasMagic]
  }

  // skip the regexp for non-magical patterns
  // unescape anything in it, though, so that it'll be
  // an exact match against a file etc.
  if (!hasMagic) {
    return globUnescape(pattern)
  }

  var flags = options.nocase ? 'i' : ''
  try {
    var regExp = new RegExp('^' + re + '$', flags)
  } catch (er) /* istanbul ignore next - should be impossible */ {
    // If it was an invalid regular expression, then it can't match
    // anything.  This trick looks for a character after the end of
    // the string, which is of course impossible, except in multi-line
    // mode, but it's not a /m regex.
    return new RegExp('$.')
  }

  regExp._glob = pattern
  regExp._src = re

  return regExp
}

minimatch.makeRe = function (pattern, options) {
  return new Minimatch(pattern, options || {}).makeRe()
}

Minimatch.prototype.makeRe = makeRe
function makeRe () {
  if (this.regexp || this.regexp === false) return this.regexp

  // at this point, this.set is a 2d array of partial
  // pattern strings, or "**".
  //
  // It's better to use .match().  This function shouldn't
  // be used, really, but it's pretty convenient sometimes,
  // when you just want to work with a regex.
  var set = this.set

  if (!set.length) {
    this.regexp = false
    return this.regexp
  }
  var options = this.options

  var twoStar = options.noglobstar ? star
    : options.dot ? twoStarDot
    : twoStarNoDot
  var flags = options.nocase ? 'i' : ''

  var re = set.map(function (pattern) {
    return pattern.map(function (p) {
      return (p === GLOBSTAR) ? twoStar
      : (typeof p === 'string') ? regExpEscape(p)
      : p._src
    }).join('\\\/')
  }).join('|')

  // must match entire pattern
  // ending in a * or ** will make it less strict.
  re = '^(?:' + re + ')$'

  // can match anything, as long as it's not this.
  if (this.negate) re = '^(?!' + re + ').*$'

  try {
    this.regexp = new RegExp(re, flags)
  } catch (ex) /* istanbul ignore next - should be impossible */ {
    this.regexp = false
  }
  return this.regexp
}

minimatch.match = function (list, pattern, options) {
  options = options || {}
  var mm = new Minimatch(pattern, options)
  list = list.filter(function (f) {
    return mm.match(f)
  })
  if (mm.options.nonull && !list.length) {
    list.push(pattern)
  }
  return list
}

Minimatch.prototype.match = function match (f, partial) {
  if (typeof partial === 'undefined') partial = this.partial
  this.debug('match', f, this.pattern)
  // short-circuit in the case of busted things.
  // comments, etc.
  if (this.comment) return false
  if (this.empty) return f === ''

  if (f === '/' && partial) return true

  var options = this.options

  // windows: need to use /, not \
  if (path.sep !== '/') {
    f = f.split(path.sep).join('/')
  }

  // treat the test path as a set of pathparts.
  f = f.split(slashSplit)
  this.debug(this.pattern, 'split', f)

  // just ONE of the pattern sets in this.set needs to match
  // in order for it to be valid.  If negating, then just one
  // match means that we have failed.
  // Either way, return on the first hit.

  var set = this.set
  this.debug(this.pattern, 'set', set)

  // Find the basename of the path by looking for the last non-empty segment
  var filename
  var i
  for (i = f.length - 1; i >= 0; i--) {
    filename = f[i]
    if (filename) break
  }

  for (i = 0; i < set.length; i++) {
    var pattern = set[i]
    var file = f
    if (options.matchBase && pattern.length === 1) {
      file = [filename]
    }
    var hit = this.matchOne(file, pattern, partial)
    if (hit) {
      if (options.flipNegate) return true
      return !this.negate
    }
  }

  // didn't get any hits.  this is success if it's a negative
  // pattern, failure otherwise.
  if (options.flipNegate) return false
  return this.negate
}

// set partial to true to test if, for example,
// "/a/b" matches the start of "/*/b/*/d"
// Partial means, if you run out of file before you run
// out of pattern, then that's fine, as long as all
// the parts match.
Minimatch.prototype.matchOne = function (file, pattern, partial) {
  if (pattern.indexOf(GLOBSTAR) !== -1) {
    return this._matchGlobstar(file, pattern, partial, 0, 0)
  }
  return this._matchOne(file, pattern, partial, 0, 0)
}

Minimatch.prototype._matchGlobstar = function (file, pattern, partial, fileIndex, patternIndex) {
  var i

  // find first globstar from patternIndex
  var firstgs = -1
  for (i = patternIndex; i < pattern.length; i++) {
    if (pattern[i] === GLOBSTAR) { firstgs = i; break }
  }

  // find last globstar
  var lastgs = -1
  for (i = pattern.length - 1; i >= 0; i--) {
    if (pattern[i] === GLOBSTAR) { lastgs = i; break }
  }

  var head = pattern.slice(patternIndex, firstgs)
  var body = partial ? pattern.slice(firstgs + 1) : pattern.slice(firstgs + 1, lastgs)
  var tail = partial ? [] : pattern.slice(lastgs + 1)

  // check the head
  if (head.length) {
    var fileHead = file.slice(fileIndex, fileIndex + head.length)
    if (!this._matchOne(fileHead, head, partial, 0, 0)) {
      return false
    }
    fileIndex += head.length
  }

  // check the tail
  var fileTailMatch = 0
  if (tail.length) {
    if (tail.length + fileIndex > file.length) return false

    var tailStart = file.length - tail.length
    if (this._matchOne(file, tail, partial, tailStart, 0)) {
      fileTailMatch = tail.length
    } else {
      // affordance for stuff like a/**/* matching a/b/
      if (file[file.length - 1] !== '' ||
          fileIndex + tail.length === file.length) {
        return false
      }
      tailStart--
      if (!this._matchOne(file, tail, partial, tailStart, 0)) {
        return false
      }
      fileTailMatch = tail.length + 1
    }
  }

  // if body is empty (single ** between head and tail)
  if (!body.length) {
    var sawSome = !!fileTailMatch
    for (i = fileIndex; i < file.length - fileTailMatch; i++) {
      var f = String(file[i])
      sawSome = true
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return partial || sawSome
  }

  // split body into segments at each GLOBSTAR
  var bodySegments = [[[], 0]]
  var currentBody = bodySegments[0]
  var nonGsParts = 0
  var nonGsPartsSums = [0]
  for (var bi = 0; bi < body.length; bi++) {
    var b = body[bi]
    if (b === GLOBSTAR) {
      nonGsPartsSums.push(nonGsParts)
      currentBody = [[], 0]
      bodySegments.push(currentBody)
    } else {
      currentBody[0].push(b)
      nonGsParts++
    }
  }

  var idx = bodySegments.length - 1
  var fileLength = file.length - fileTailMatch
  for (var si = 0; si < bodySegments.length; si++) {
    bodySegments[si][1] = fileLength -
      (nonGsPartsSums[idx--] + bodySegments[si][0].length)
  }

  return !!this._matchGlobStarBodySections(
    file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch
  )
}

// return false for "nope, not matching"
// return null for "not matching, cannot keep trying"
Minimatch.prototype._matchGlobStarBodySections = function (
  file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail
) {
  var bs = bodySegments[bodyIndex]
  if (!bs) {
    // just make sure there are no bad dots
    for (var i = fileIndex; i < file.length; i++) {
      sawTail = true
      var f = file[i]
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return sawTail
  }

  var body = bs[0]
  var after = bs[1]
  while (fileIndex <= after) {
    var m = this._matchOne(
      file.slice(0, fileIndex + body.length),
      body,
      partial,
      fileIndex,
      0
    )
    // if limit exceeded, no match. intentional false negative,
    // acceptable break in correctness for security.
    if (m && globStarDepth < this.maxGlobstarRecursion) {
      var sub = this._matchGlobStarBodySections(
        file, bodySegments,
        fileIndex + body.length, bodyIndex + 1,
        partial, globStarDepth + 1, sawTail
      )
      if (sub !== false) {
        return sub
      }
    }
    var f = file[fileIndex]
    if (f === '.' || f === '..' ||
        (!this.options.dot && f.charAt(0) === '.')) {
      return false
    }
    fileIndex++
  }
  return partial || null
}

Minimatch.prototype._matchOne = function (file, pattern, partial, fileIndex, patternIndex) {
  var fi, pi, fl, pl
  for (
    fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length
    ; (fi < fl) && (pi < pl)
    ; fi++, pi++
  ) {
    this.debug('matchOne loop')
    var p = pattern[pi]
    var f = file[fi]

    this.debug(pattern, p, f)

    // should be impossible.
    // some invalid regexp stuff in the set.
    /* istanbul ignore if */
    if (p === false || p === GLOBSTAR) return false

    // something other than **
    // non-magic patterns just have to match exactly
    // patterns with magic have been turned into regexps.
    var hit
    if (typeof p === 'string') {
      hit = f === p
      this.debug('string match', p, f, hit)
    } else {
      hit = f.match(p)
      this.debug('pattern match', p, f, hit)
    }

    if (!hit) return false
  }

  // now either we fell off the end of the pattern, or we're done.
  if (fi === fl && pi === pl) {
    // ran out of pattern and filename at the same time.
    // an exact hit!
    return true
  } else if (fi === fl) {
    // ran out of file, but still had pattern left.
    // this is ok if we're doing the match as part of
    // a glob fs traversal.
    return partial
  } else /* istanbul ignore else */ if (pi === pl) {
    // ran out of pattern, still have file left.
    // this is only acceptable if we're on the very last
    // empty segment of a file with a trailing slash.
    // a/* should match a/b/
    return (fi === fl - 1) && (file[fi] === '')
  }

  // should be unreachable.
  /* istanbul ignore next */
  throw new Error('wtf?')
}

// replace stuff like \* with *
function globUnescape (s) {
  return s.replace(/\\(.)/g, '$1')
}

function regExpEscape (s) {
  return s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&')
}


/***/ }),

/***/ 5560:
/***/ ((module) => {

// vim:ts=4:sts=4:sw=4:
/*!
 *
 * Copyright 2009-2017 Kris Kowal under the terms of the MIT
 * license found at https://github.com/kriskowal/q/blob/v1/LICENSE
 *
 * With parts by Tyler Close
 * Copyright 2007-2009 Tyler Close under the terms of the MIT X license found
 * at http://www.opensource.org/licenses/mit-license.html
 * Forked at ref_send.js version: 2009-05-11
 *
 * With parts by Mark Miller
 * Copyright (C) 2011 Google Inc.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 */

(function (definition) {
    "use strict";

    // This file will function properly as a <script> tag, or a module
    // using CommonJS and NodeJS or RequireJS module formats.  In
    // Common/Node/RequireJS, the module exports the Q API and when
    // executed as a simple <script>, it creates a Q global instead.

    // Montage Require
    if (typeof bootstrap === "function") {
        bootstrap("promise", definition);

    // CommonJS
    } else if (true) {
        module.exports = definition();

    // RequireJS
    } else { var previousQ, global; }

})(function () {
"use strict";

var hasStacks = false;
try {
    throw new Error();
} catch (e) {
    hasStacks = !!e.stack;
}

// All code after this point will be filtered from stack traces reported
// by Q.
var qStartingLine = captureLine();
var qFileName;

// shims

// used for fallback in "allResolved"
var noop = function () {};

// Use the fastest possible means to execute a task in a future turn
// of the event loop.
var nextTick =(function () {
    // linked list of tasks (single, with head node)
    var head = {task: void 0, next: null};
    var tail = head;
    var flushing = false;
    var requestTick = void 0;
    var isNodeJS = false;
    // queue for late tasks, used by unhandled rejection tracking
    var laterQueue = [];

    function flush() {
        /* jshint loopfunc: true */
        var task, domain;

        while (head.next) {
            head = head.next;
            task = head.task;
            head.task = void 0;
            domain = head.domain;

            if (domain) {
                head.domain = void 0;
                domain.enter();
            }
            runSingle(task, domain);

        }
        while (laterQueue.length) {
            task = laterQueue.pop();
            runSingle(task);
        }
        flushing = false;
    }
    // runs a single function in the async queue
    function runSingle(task, domain) {
        try {
            task();

        } catch (e) {
            if (isNodeJS) {
                // In node, uncaught exceptions are considered fatal errors.
                // Re-throw them synchronously to interrupt flushing!

                // Ensure continuation if the uncaught exception is suppressed
                // listening "uncaughtException" events (as domains does).
                // Continue in next event to avoid tick recursion.
                if (domain) {
                    domain.exit();
                }
                setTimeout(flush, 0);
                if (domain) {
                    domain.enter();
                }

                throw e;

            } else {
                // In browsers, uncaught exceptions are not fatal.
                // Re-throw them asynchronously to avoid slow-downs.
                setTimeout(function () {
                    throw e;
                }, 0);
            }
        }

        if (domain) {
            domain.exit();
        }
    }

    nextTick = function (task) {
        tail = tail.next = {
            task: task,
            domain: isNodeJS && process.domain,
            next: null
        };

        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };

    if (typeof process === "object" &&
        process.toString() === "[object process]" && process.nextTick) {
        // Ensure Q is in a real Node environment, with a `process.nextTick`.
        // To see through fake Node environments:
        // * Mocha test runner - exposes a `process` global without a `nextTick`
        // * Browserify - exposes a `process.nexTick` function that uses
        //   `setTimeout`. In this case `setImmediate` is preferred because
        //    it is faster. Browserify's `process.toString()` yields
        //   "[object Object]", while in a real Node environment
        //   `process.toString()` yields "[object process]".
        isNodeJS = true;

        requestTick = function () {
            process.nextTick(flush);
        };

    } else if (typeof setImmediate === "function") {
        // In IE10, Node.js 0.9+, or https://github.com/NobleJS/setImmediate
        if (typeof window !== "undefined") {
            requestTick = setImmediate.bind(window, flush);
        } else {
            requestTick = function () {
                setImmediate(flush);
            };
        }

    } else if (typeof MessageChannel !== "undefined") {
        // modern browsers
        // http://www.nonblocking.io/2011/06/windownexttick.html
        var channel = new MessageChannel();
        // At least Safari Version 6.0.5 (8536.30.1) intermittently cannot create
        // working message ports the first time a page loads.
        channel.port1.onmessage = function () {
            requestTick = requestPortTick;
            channel.port1.onmessage = flush;
            flush();
        };
        var requestPortTick = function () {
            // Opera requires us to provide a message payload, regardless of
            // whether we use it.
            channel.port2.postMessage(0);
        };
        requestTick = function () {
            setTimeout(flush, 0);
            requestPortTick();
        };

    } else {
        // old browsers
        requestTick = function () {
            setTimeout(flush, 0);
        };
    }
    // runs a task after all other tasks have been run
    // this is useful for unhandled rejection tracking that needs to happen
    // after all `then`d tasks have been run.
    nextTick.runAfter = function (task) {
        laterQueue.push(task);
        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };
    return nextTick;
})();

// Attempt to make generics safe in the face of downstream
// modifications.
// There is no situation where this is necessary.
// If you need a security guarantee, these primordials need to be
// deeply frozen anyway, and if you don’t need a security guarantee,
// this is just plain paranoid.
// However, this **might** have the nice side-effect of reducing the size of
// the minified code by reducing x.call() to merely x()
// See Mark Miller’s explanation of what this does.
// http://wiki.ecmascript.org/doku.php?id=conventions:safe_meta_programming
var call = Function.call;
function uncurryThis(f) {
    return function () {
        return call.apply(f, arguments);
    };
}
// This is equivalent, but slower:
// uncurryThis = Function_bind.bind(Function_bind.call);
// http://jsperf.com/uncurrythis

var array_slice = uncurryThis(Array.prototype.slice);

var array_reduce = uncurryThis(
    Array.prototype.reduce || function (callback, basis) {
        var index = 0,
            length = this.length;
        // concerning the initial value, if one is not provided
        if (arguments.length === 1) {
            // seek to the first value in the array, accounting
            // for the possibility that is is a sparse array
            do {
                if (index in this) {
                    basis = this[index++];
                    break;
                }
                if (++index >= length) {
                    throw new TypeError();
                }
            } while (1);
        }
        // reduce
        for (; index < length; index++) {
            // account for the possibility that the array is sparse
            if (index in this) {
                basis = callback(basis, this[index], index);
            }
        }
        return basis;
    }
);

var array_indexOf = uncurryThis(
    Array.prototype.indexOf || function (value) {
        // not a very good shim, but good enough for our one use of it
        for (var i = 0; i < this.length; i++) {
            if (this[i] === value) {
                return i;
            }
        }
        return -1;
    }
);

var array_map = uncurryThis(
    Array.prototype.map || function (callback, thisp) {
        var self = this;
        var collect = [];
        array_reduce(self, function (undefined, value, index) {
            collect.push(callback.call(thisp, value, index, self));
        }, void 0);
        return collect;
    }
);

var object_create = Object.create || function (prototype) {
    function Type() { }
    Type.prototype = prototype;
    return new Type();
};

var object_defineProperty = Object.defineProperty || function (obj, prop, descriptor) {
    obj[prop] = descriptor.value;
    return obj;
};

var object_hasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);

var object_keys = Object.keys || function (object) {
    var keys = [];
    for (var key in object) {
        if (object_hasOwnProperty(object, key)) {
            keys.push(key);
        }
    }
    return keys;
};

var object_toString = uncurryThis(Object.prototype.toString);

function isObject(value) {
    return value === Object(value);
}

// generator related shims

// FIXME: Remove this function once ES6 generators are in SpiderMonkey.
function isStopIteration(exception) {
    return (
        object_toString(exception) === "[object StopIteration]" ||
        exception instanceof QReturnValue
    );
}

// FIXME: Remove this helper and Q.return once ES6 generators are in
// SpiderMonkey.
var QReturnValue;
if (typeof ReturnValue !== "undefined") {
    QReturnValue = ReturnValue;
} else {
    QReturnValue = function (value) {
        this.value = value;
    };
}

// long stack traces

var STACK_JUMP_SEPARATOR = "From previous event:";

function makeStackTraceLong(error, promise) {
    // If possible, transform the error stack trace by removing Node and Q
    // cruft, then concatenating with the stack trace of `promise`. See #57.
    if (hasStacks &&
        promise.stack &&
        typeof error === "object" &&
        error !== null &&
        error.stack
    ) {
        var stacks = [];
        for (var p = promise; !!p; p = p.source) {
            if (p.stack && (!error.__minimumStackCounter__ || error.__minimumStackCounter__ > p.stackCounter)) {
                object_defineProperty(error, "__minimumStackCounter__", {value: p.stackCounter, configurable: true});
                stacks.unshift(p.stack);
            }
        }
        stacks.unshift(error.stack);

        var concatedStacks = stacks.join("\n" + STACK_JUMP_SEPARATOR + "\n");
        var stack = filterStackString(concatedStacks);
        object_defineProperty(error, "stack", {value: stack, configurable: true});
    }
}

function filterStackString(stackString) {
    var lines = stackString.split("\n");
    var desiredLines = [];
    for (var i = 0; i < lines.length; ++i) {
        var line = lines[i];

        if (!isInternalFrame(line) && !isNodeFrame(line) && line) {
            desiredLines.push(line);
        }
    }
    return desiredLines.join("\n");
}

function isNodeFrame(stackLine) {
    return stackLine.indexOf("(module.js:") !== -1 ||
           stackLine.indexOf("(node.js:") !== -1;
}

function getFileNameAndLineNumber(stackLine) {
    // Named functions: "at functionName (filename:lineNumber:columnNumber)"
    // In IE10 function name can have spaces ("Anonymous function") O_o
    var attempt1 = /at .+ \((.+):(\d+):(?:\d+)\)$/.exec(stackLine);
    if (attempt1) {
        return [attempt1[1], Number(attempt1[2])];
    }

    // Anonymous functions: "at filename:lineNumber:columnNumber"
    var attempt2 = /at ([^ ]+):(\d+):(?:\d+)$/.exec(stackLine);
    if (attempt2) {
        return [attempt2[1], Number(attempt2[2])];
    }

    // Firefox style: "function@filename:lineNumber or @filename:lineNumber"
    var attempt3 = /.*@(.+):(\d+)$/.exec(stackLine);
    if (attempt3) {
        return [attempt3[1], Number(attempt3[2])];
    }
}

function isInternalFrame(stackLine) {
    var fileNameAndLineNumber = getFileNameAndLineNumber(stackLine);

    if (!fileNameAndLineNumber) {
        return false;
    }

    var fileName = fileNameAndLineNumber[0];
    var lineNumber = fileNameAndLineNumber[1];

    return fileName === qFileName &&
        lineNumber >= qStartingLine &&
        lineNumber <= qEndingLine;
}

// discover own file name and line number range for filtering stack
// traces
function captureLine() {
    if (!hasStacks) {
        return;
    }

    try {
        throw new Error();
    } catch (e) {
        var lines = e.stack.split("\n");
        var firstLine = lines[0].indexOf("@") > 0 ? lines[1] : lines[2];
        var fileNameAndLineNumber = getFileNameAndLineNumber(firstLine);
        if (!fileNameAndLineNumber) {
            return;
        }

        qFileName = fileNameAndLineNumber[0];
        return fileNameAndLineNumber[1];
    }
}

function deprecate(callback, name, alternative) {
    return function () {
        if (typeof console !== "undefined" &&
            typeof console.warn === "function") {
            console.warn(name + " is deprecated, use " + alternative +
                         " instead.", new Error("").stack);
        }
        return callback.apply(callback, arguments);
    };
}

// end of shims
// beginning of real work

/**
 * Constructs a promise for an immediate reference, passes promises through, or
 * coerces promises from different systems.
 * @param value immediate reference or promise
 */
function Q(value) {
    // If the object is already a Promise, return it directly.  This enables
    // the resolve function to both be used to created references from objects,
    // but to tolerably coerce non-promises to promises.
    if (value instanceof Promise) {
        return value;
    }

    // assimilate thenables
    if (isPromiseAlike(value)) {
        return coerce(value);
    } else {
        return fulfill(value);
    }
}
Q.resolve = Q;

/**
 * Performs a task in a future turn of the event loop.
 * @param {Function} task
 */
Q.nextTick = nextTick;

/**
 * Controls whether or not long stack traces will be on
 */
Q.longStackSupport = false;

/**
 * The counter is used to determine the stopping point for building
 * long stack traces. In makeStackTraceLong we walk backwards through
 * the linked list of promises, only stacks which were created before
 * the rejection are concatenated.
 */
var longStackCounter = 1;

// enable long stacks if Q_DEBUG is set
if (typeof process === "object" && process && process.env && process.env.Q_DEBUG) {
    Q.longStackSupport = true;
}

/**
 * Constructs a {promise, resolve, reject} object.
 *
 * `resolve` is a callback to invoke with a more resolved value for the
 * promise. To fulfill the promise, invoke `resolve` with any value that is
 * not a thenable. To reject the promise, invoke `resolve` with a rejected
 * thenable, or invoke `reject` with the reason directly. To resolve the
 * promise to another thenable, thus putting it in the same state, invoke
 * `resolve` with that other thenable.
 */
Q.defer = defer;
function defer() {
    // if "messages" is an "Array", that indicates that the promise has not yet
    // been resolved.  If it is "undefined", it has been resolved.  Each
    // element of the messages array is itself an array of complete arguments to
    // forward to the resolved promise.  We coerce the resolution value to a
    // promise using the `resolve` function because it handles both fully
    // non-thenable values and other thenables gracefully.
    var messages = [], progressListeners = [], resolvedPromise;

    var deferred = object_create(defer.prototype);
    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, operands) {
        var args = array_slice(arguments);
        if (messages) {
            messages.push(args);
            if (op === "when" && operands[1]) { // progress operand
                progressListeners.push(operands[1]);
            }
        } else {
            Q.nextTick(function () {
                resolvedPromise.promiseDispatch.apply(resolvedPromise, args);
            });
        }
    };

    // XXX deprecated
    promise.valueOf = function () {
        if (messages) {
            return promise;
        }
        var nearerValue = nearer(resolvedPromise);
        if (isPromise(nearerValue)) {
            resolvedPromise = nearerValue; // shorten chain
        }
        return nearerValue;
    };

    promise.inspect = function () {
        if (!resolvedPromise) {
            return { state: "pending" };
        }
        return resolvedPromise.inspect();
    };

    if (Q.longStackSupport && hasStacks) {
        try {
            throw new Error();
        } catch (e) {
            // NOTE: don't try to use `Error.captureStackTrace` or transfer the
            // accessor around; that causes memory leaks as per GH-111. Just
            // reify the stack trace as a string ASAP.
            //
            // At the same time, cut off the first line; it's always just
            // "[object Promise]\n", as per the `toString`.
            promise.stack = e.stack.substring(e.stack.indexOf("\n") + 1);
            promise.stackCounter = longStackCounter++;
        }
    }

    // NOTE: we do the checks for `resolvedPromise` in each method, instead of
    // consolidating them into `become`, since otherwise we'd create new
    // promises with the lines `become(whatever(value))`. See e.g. GH-252.

    function become(newPromise) {
        resolvedPromise = newPromise;

        if (Q.longStackSupport && hasStacks) {
            // Only hold a reference to the new promise if long stacks
            // are enabled to reduce memory usage
            promise.source = newPromise;
        }

        array_reduce(messages, function (undefined, message) {
            Q.nextTick(function () {
                newPromise.promiseDispatch.apply(newPromise, message);
            });
        }, void 0);

        messages = void 0;
        progressListeners = void 0;
    }

    deferred.promise = promise;
    deferred.resolve = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(Q(value));
    };

    deferred.fulfill = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(fulfill(value));
    };
    deferred.reject = function (reason) {
        if (resolvedPromise) {
            return;
        }

        become(reject(reason));
    };
    deferred.notify = function (progress) {
        if (resolvedPromise) {
            return;
        }

        array_reduce(progressListeners, function (undefined, progressListener) {
            Q.nextTick(function () {
                progressListener(progress);
            });
        }, void 0);
    };

    return deferred;
}

/**
 * Creates a Node-style callback that will resolve or reject the deferred
 * promise.
 * @returns a nodeback
 */
defer.prototype.makeNodeResolver = function () {
    var self = this;
    return function (error, value) {
        if (error) {
            self.reject(error);
        } else if (arguments.length > 2) {
            self.resolve(array_slice(arguments, 1));
        } else {
            self.resolve(value);
        }
    };
};

/**
 * @param resolver {Function} a function that returns nothing and accepts
 * the resolve, reject, and notify functions for a deferred.
 * @returns a promise that may be resolved with the given resolve and reject
 * functions, or rejected by a thrown exception in resolver
 */
Q.Promise = promise; // ES6
Q.promise = promise;
function promise(resolver) {
    if (typeof resolver !== "function") {
        throw new TypeError("resolver must be a function.");
    }
    var deferred = defer();
    try {
        resolver(deferred.resolve, deferred.reject, deferred.notify);
    } catch (reason) {
        deferred.reject(reason);
    }
    return deferred.promise;
}

promise.race = race; // ES6
promise.all = all; // ES6
promise.reject = reject; // ES6
promise.resolve = Q; // ES6

// XXX experimental.  This method is a way to denote that a local value is
// serializable and should be immediately dispatched to a remote upon request,
// instead of passing a reference.
Q.passByCopy = function (object) {
    //freeze(object);
    //passByCopies.set(object, true);
    return object;
};

Promise.prototype.passByCopy = function () {
    //freeze(object);
    //passByCopies.set(object, true);
    return this;
};

/**
 * If two promises eventually fulfill to the same value, promises that value,
 * but otherwise rejects.
 * @param x {Any*}
 * @param y {Any*}
 * @returns {Any*} a promise for x and y if they are the same, but a rejection
 * otherwise.
 *
 */
Q.join = function (x, y) {
    return Q(x).join(y);
};

Promise.prototype.join = function (that) {
    return Q([this, that]).spread(function (x, y) {
        if (x === y) {
            // TODO: "===" should be Object.is or equiv
            return x;
        } else {
            throw new Error("Q can't join: not the same: " + x + " " + y);
        }
    });
};

/**
 * Returns a promise for the first of an array of promises to become settled.
 * @param answers {Array[Any*]} promises to race
 * @returns {Any*} the first promise to be settled
 */
Q.race = race;
function race(answerPs) {
    return promise(function (resolve, reject) {
        // Switch to this once we can assume at least ES5
        // answerPs.forEach(function (answerP) {
        //     Q(answerP).then(resolve, reject);
        // });
        // Use this in the meantime
        for (var i = 0, len = answerPs.length; i < len; i++) {
            Q(answerPs[i]).then(resolve, reject);
        }
    });
}

Promise.prototype.race = function () {
    return this.then(Q.race);
};

/**
 * Constructs a Promise with a promise descriptor object and optional fallback
 * function.  The descriptor contains methods like when(rejected), get(name),
 * set(name, value), post(name, args), and delete(name), which all
 * return either a value, a promise for a value, or a rejection.  The fallback
 * accepts the operation name, a resolver, and any further arguments that would
 * have been forwarded to the appropriate method above had a method been
 * provided with the proper name.  The API makes no guarantees about the nature
 * of the returned object, apart from that it is usable whereever promises are
 * bought and sold.
 */
Q.makePromise = Promise;
function Promise(descriptor, fallback, inspect) {
    if (fallback === void 0) {
        fallback = function (op) {
            return reject(new Error(
                "Promise does not support operation: " + op
            ));
        };
    }
    if (inspect === void 0) {
        inspect = function () {
            return {state: "unknown"};
        };
    }

    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, args) {
        var result;
        try {
            if (descriptor[op]) {
                result = descriptor[op].apply(promise, args);
            } else {
                result = fallback.call(promise, op, args);
            }
        } catch (exception) {
            result = reject(exception);
        }
        if (resolve) {
            resolve(result);
        }
    };

    promise.inspect = inspect;

    // XXX deprecated `valueOf` and `exception` support
    if (inspect) {
        var inspected = inspect();
        if (inspected.state === "rejected") {
            promise.exception = inspected.reason;
        }

        promise.valueOf = function () {
            var inspected = inspect();
            if (inspected.state === "pending" ||
                inspected.state === "rejected") {
                return promise;
            }
            return inspected.value;
        };
    }

    return promise;
}

Promise.prototype.toString = function () {
    return "[object Promise]";
};

Promise.prototype.then = function (fulfilled, rejected, progressed) {
    var self = this;
    var deferred = defer();
    var done = false;   // ensure the untrusted promise makes at most a
                        // single call to one of the callbacks

    function _fulfilled(value) {
        try {
            return typeof fulfilled === "function" ? fulfilled(value) : value;
        } catch (exception) {
            return reject(exception);
        }
    }

    function _rejected(exception) {
        if (typeof rejected === "function") {
            makeStackTraceLong(exception, self);
            try {
                return rejected(exception);
            } catch (newException) {
                return reject(newException);
            }
        }
        return reject(exception);
    }

    function _progressed(value) {
        return typeof progressed === "function" ? progressed(value) : value;
    }

    Q.nextTick(function () {
        self.promiseDispatch(function (value) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_fulfilled(value));
        }, "when", [function (exception) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_rejected(exception));
        }]);
    });

    // Progress propagator need to be attached in the current tick.
    self.promiseDispatch(void 0, "when", [void 0, function (value) {
        var newValue;
        var threw = false;
        try {
            newValue = _progressed(value);
        } catch (e) {
            threw = true;
            if (Q.onerror) {
                Q.onerror(e);
            } else {
                throw e;
            }
        }

        if (!threw) {
            deferred.notify(newValue);
        }
    }]);

    return deferred.promise;
};

Q.tap = function (promise, callback) {
    return Q(promise).tap(callback);
};

/**
 * Works almost like "finally", but not called for rejections.
 * Original resolution value is passed through callback unaffected.
 * Callback may return a promise that will be awaited for.
 * @param {Function} callback
 * @returns {Q.Promise}
 * @example
 * doSomething()
 *   .then(...)
 *   .tap(console.log)
 *   .then(...);
 */
Promise.prototype.tap = function (callback) {
    callback = Q(callback);

    return this.then(function (value) {
        return callback.fcall(value).thenResolve(value);
    });
};

/**
 * Registers an observer on a promise.
 *
 * Guarantees:
 *
 * 1. that fulfilled and rejected will be called only once.
 * 2. that either the fulfilled callback or the rejected callback will be
 *    called, but not both.
 * 3. that fulfilled and rejected will not be called in this turn.
 *
 * @param value      promise or immediate reference to observe
 * @param fulfilled  function to be called with the fulfilled value
 * @param rejected   function to be called with the rejection exception
 * @param progressed function to be called on any progress notifications
 * @return promise for the return value from the invoked callback
 */
Q.when = when;
function when(value, fulfilled, rejected, progressed) {
    return Q(value).then(fulfilled, rejected, progressed);
}

Promise.prototype.thenResolve = function (value) {
    return this.then(function () { return value; });
};

Q.thenResolve = function (promise, value) {
    return Q(promise).thenResolve(value);
};

Promise.prototype.thenReject = function (reason) {
    return this.then(function () { throw reason; });
};

Q.thenReject = function (promise, reason) {
    return Q(promise).thenReject(reason);
};

/**
 * If an object is not a promise, it is as "near" as possible.
 * If a promise is rejected, it is as "near" as possible too.
 * If it’s a fulfilled promise, the fulfillment value is nearer.
 * If it’s a deferred promise and the deferred has been resolved, the
 * resolution is "nearer".
 * @param object
 * @returns most resolved (nearest) form of the object
 */

// XXX should we re-do this?
Q.nearer = nearer;
function nearer(value) {
    if (isPromise(value)) {
        var inspected = value.inspect();
        if (inspected.state === "fulfilled") {
            return inspected.value;
        }
    }
    return value;
}

/**
 * @returns whether the given object is a promise.
 * Otherwise it is a fulfilled value.
 */
Q.isPromise = isPromise;
function isPromise(object) {
    return object instanceof Promise;
}

Q.isPromiseAlike = isPromiseAlike;
function isPromiseAlike(object) {
    return isObject(object) && typeof object.then === "function";
}

/**
 * @returns whether the given object is a pending promise, meaning not
 * fulfilled or rejected.
 */
Q.isPending = isPending;
function isPending(object) {
    return isPromise(object) && object.inspect().state === "pending";
}

Promise.prototype.isPending = function () {
    return this.inspect().state === "pending";
};

/**
 * @returns whether the given object is a value or fulfilled
 * promise.
 */
Q.isFulfilled = isFulfilled;
function isFulfilled(object) {
    return !isPromise(object) || object.inspect().state === "fulfilled";
}

Promise.prototype.isFulfilled = function () {
    return this.inspect().state === "fulfilled";
};

/**
 * @returns whether the given object is a rejected promise.
 */
Q.isRejected = isRejected;
function isRejected(object) {
    return isPromise(object) && object.inspect().state === "rejected";
}

Promise.prototype.isRejected = function () {
    return this.inspect().state === "rejected";
};

//// BEGIN UNHANDLED REJECTION TRACKING

// This promise library consumes exceptions thrown in handlers so they can be
// handled by a subsequent promise.  The exceptions get added to this array when
// they are created, and removed when they are handled.  Note that in ES6 or
// shimmed environments, this would naturally be a `Set`.
var unhandledReasons = [];
var unhandledRejections = [];
var reportedUnhandledRejections = [];
var trackUnhandledRejections = true;

function resetUnhandledRejections() {
    unhandledReasons.length = 0;
    unhandledRejections.length = 0;

    if (!trackUnhandledRejections) {
        trackUnhandledRejections = true;
    }
}

function trackRejection(promise, reason) {
    if (!trackUnhandledRejections) {
        return;
    }
    if (typeof process === "object" && typeof process.emit === "function") {
        Q.nextTick.runAfter(function () {
            if (array_indexOf(unhandledRejections, promise) !== -1) {
                process.emit("unhandledRejection", reason, promise);
                reportedUnhandledRejections.push(promise);
            }
        });
    }

    unhandledRejections.push(promise);
    if (reason && typeof reason.stack !== "undefined") {
        unhandledReasons.push(reason.stack);
    } else {
        unhandledReasons.push("(no stack) " + reason);
    }
}

function untrackRejection(promise) {
    if (!trackUnhandledRejections) {
        return;
    }

    var at = array_indexOf(unhandledRejections, promise);
    if (at !== -1) {
        if (typeof process === "object" && typeof process.emit === "function") {
            Q.nextTick.runAfter(function () {
                var atReport = array_indexOf(reportedUnhandledRejections, promise);
                if (atReport !== -1) {
                    process.emit("rejectionHandled", unhandledReasons[at], promise);
                    reportedUnhandledRejections.splice(atReport, 1);
                }
            });
        }
        unhandledRejections.splice(at, 1);
        unhandledReasons.splice(at, 1);
    }
}

Q.resetUnhandledRejections = resetUnhandledRejections;

Q.getUnhandledReasons = function () {
    // Make a copy so that consumers can't interfere with our internal state.
    return unhandledReasons.slice();
};

Q.stopUnhandledRejectionTracking = function () {
    resetUnhandledRejections();
    trackUnhandledRejections = false;
};

resetUnhandledRejections();

//// END UNHANDLED REJECTION TRACKING

/**
 * Constructs a rejected promise.
 * @param reason value describing the failure
 */
Q.reject = reject;
function reject(reason) {
    var rejection = Promise({
        "when": function (rejected) {
            // note that the error has been handled
            if (rejected) {
                untrackRejection(this);
            }
            return rejected ? rejected(reason) : this;
        }
    }, function fallback() {
        return this;
    }, function inspect() {
        return { state: "rejected", reason: reason };
    });

    // Note that the reason has not been handled.
    trackRejection(rejection, reason);

    return rejection;
}

/**
 * Constructs a fulfilled promise for an immediate reference.
 * @param value immediate reference
 */
Q.fulfill = fulfill;
function fulfill(value) {
    return Promise({
        "when": function () {
            return value;
        },
        "get": function (name) {
            return value[name];
        },
        "set": function (name, rhs) {
            value[name] = rhs;
        },
        "delete": function (name) {
            delete value[name];
        },
        "post": function (name, args) {
            // Mark Miller proposes that post with no name should apply a
            // promised function.
            if (name === null || name === void 0) {
                return value.apply(void 0, args);
            } else {
                return value[name].apply(value, args);
            }
        },
        "apply": function (thisp, args) {
            return value.apply(thisp, args);
        },
        "keys": function () {
            return object_keys(value);
        }
    }, void 0, function inspect() {
        return { state: "fulfilled", value: value };
    });
}

/**
 * Converts thenables to Q promises.
 * @param promise thenable promise
 * @returns a Q promise
 */
function coerce(promise) {
    var deferred = defer();
    Q.nextTick(function () {
        try {
            promise.then(deferred.resolve, deferred.reject, deferred.notify);
        } catch (exception) {
            deferred.reject(exception);
        }
    });
    return deferred.promise;
}

/**
 * Annotates an object such that it will never be
 * transferred away from this process over any promise
 * communication channel.
 * @param object
 * @returns promise a wrapping of that object that
 * additionally responds to the "isDef" message
 * without a rejection.
 */
Q.master = master;
function master(object) {
    return Promise({
        "isDef": function () {}
    }, function fallback(op, args) {
        return dispatch(object, op, args);
    }, function () {
        return Q(object).inspect();
    });
}

/**
 * Spreads the values of a promised array of arguments into the
 * fulfillment callback.
 * @param fulfilled callback that receives variadic arguments from the
 * promised array
 * @param rejected callback that receives the exception if the promise
 * is rejected.
 * @returns a promise for the return value or thrown exception of
 * either callback.
 */
Q.spread = spread;
function spread(value, fulfilled, rejected) {
    return Q(value).spread(fulfilled, rejected);
}

Promise.prototype.spread = function (fulfilled, rejected) {
    return this.all().then(function (array) {
        return fulfilled.apply(void 0, array);
    }, rejected);
};

/**
 * The async function is a decorator for generator functions, turning
 * them into asynchronous generators.  Although generators are only part
 * of the newest ECMAScript 6 drafts, this code does not cause syntax
 * errors in older engines.  This code should continue to work and will
 * in fact improve over time as the language improves.
 *
 * ES6 generators are currently part of V8 version 3.19 with the
 * --harmony-generators runtime flag enabled.  SpiderMonkey has had them
 * for longer, but under an older Python-inspired form.  This function
 * works on both kinds of generators.
 *
 * Decorates a generator function such that:
 *  - it may yield promises
 *  - execution will continue when that promise is fulfilled
 *  - the value of the yield expression will be the fulfilled value
 *  - it returns a promise for the return value (when the generator
 *    stops iterating)
 *  - the decorated function returns a promise for the return value
 *    of the generator or the first rejected promise among those
 *    yielded.
 *  - if an error is thrown in the generator, it propagates through
 *    every following yield until it is caught, or until it escapes
 *    the generator function altogether, and is translated into a
 *    rejection for the promise returned by the decorated generator.
 */
Q.async = async;
function async(makeGenerator) {
    return function () {
        // when verb is "send", arg is a value
        // when verb is "throw", arg is an exception
        function continuer(verb, arg) {
            var result;

            // Until V8 3.19 / Chromium 29 is released, SpiderMonkey is the only
            // engine that has a deployed base of browsers that support generators.
            // However, SM's generators use the Python-inspired semantics of
            // outdated ES6 drafts.  We would like to support ES6, but we'd also
            // like to make it possible to use generators in deployed browsers, so
            // we also support Python-style generators.  At some point we can remove
            // this block.

            if (typeof StopIteration === "undefined") {
                // ES6 Generators
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    return reject(exception);
                }
                if (result.done) {
                    return Q(result.value);
                } else {
                    return when(result.value, callback, errback);
                }
            } else {
                // SpiderMonkey Generators
                // FIXME: Remove this case when SM does ES6 generators.
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    if (isStopIteration(exception)) {
                        return Q(exception.value);
                    } else {
                        return reject(exception);
                    }
                }
                return when(result, callback, errback);
            }
        }
        var generator = makeGenerator.apply(this, arguments);
        var callback = continuer.bind(continuer, "next");
        var errback = continuer.bind(continuer, "throw");
        return callback();
    };
}

/**
 * The spawn function is a small wrapper around async that immediately
 * calls the generator and also ends the promise chain, so that any
 * unhandled errors are thrown instead of forwarded to the error
 * handler. This is useful because it's extremely common to run
 * generators at the top-level to work with libraries.
 */
Q.spawn = spawn;
function spawn(makeGenerator) {
    Q.done(Q.async(makeGenerator)());
}

// FIXME: Remove this interface once ES6 generators are in SpiderMonkey.
/**
 * Throws a ReturnValue exception to stop an asynchronous generator.
 *
 * This interface is a stop-gap measure to support generator return
 * values in older Firefox/SpiderMonkey.  In browsers that support ES6
 * generators like Chromium 29, just use "return" in your generator
 * functions.
 *
 * @param value the return value for the surrounding generator
 * @throws ReturnValue exception with the value.
 * @example
 * // ES6 style
 * Q.async(function* () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      return foo + bar;
 * })
 * // Older SpiderMonkey style
 * Q.async(function () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      Q.return(foo + bar);
 * })
 */
Q["return"] = _return;
function _return(value) {
    throw new QReturnValue(value);
}

/**
 * The promised function decorator ensures that any promise arguments
 * are settled and passed as values (`this` is also settled and passed
 * as a value).  It will also ensure that the result of a function is
 * always a promise.
 *
 * @example
 * var add = Q.promised(function (a, b) {
 *     return a + b;
 * });
 * add(Q(a), Q(B));
 *
 * @param {function} callback The function to decorate
 * @returns {function} a function that has been decorated.
 */
Q.promised = promised;
function promised(callback) {
    return function () {
        return spread([this, all(arguments)], function (self, args) {
            return callback.apply(self, args);
        });
    };
}

/**
 * sends a message to a value in a future turn
 * @param object* the recipient
 * @param op the name of the message operation, e.g., "when",
 * @param args further arguments to be forwarded to the operation
 * @returns result {Promise} a promise for the result of the operation
 */
Q.dispatch = dispatch;
function dispatch(object, op, args) {
    return Q(object).dispatch(op, args);
}

Promise.prototype.dispatch = function (op, args) {
    var self = this;
    var deferred = defer();
    Q.nextTick(function () {
        self.promiseDispatch(deferred.resolve, op, args);
    });
    return deferred.promise;
};

/**
 * Gets the value of a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to get
 * @return promise for the property value
 */
Q.get = function (object, key) {
    return Q(object).dispatch("get", [key]);
};

Promise.prototype.get = function (key) {
    return this.dispatch("get", [key]);
};

/**
 * Sets the value of a property in a future turn.
 * @param object    promise or immediate reference for object object
 * @param name      name of property to set
 * @param value     new value of property
 * @return promise for the return value
 */
Q.set = function (object, key, value) {
    return Q(object).dispatch("set", [key, value]);
};

Promise.prototype.set = function (key, value) {
    return this.dispatch("set", [key, value]);
};

/**
 * Deletes a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to delete
 * @return promise for the return value
 */
Q.del = // XXX legacy
Q["delete"] = function (object, key) {
    return Q(object).dispatch("delete", [key]);
};

Promise.prototype.del = // XXX legacy
Promise.prototype["delete"] = function (key) {
    return this.dispatch("delete", [key]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param value     a value to post, typically an array of
 *                  invocation arguments for promises that
 *                  are ultimately backed with `resolve` values,
 *                  as opposed to those backed with URLs
 *                  wherein the posted value can be any
 *                  JSON serializable object.
 * @return promise for the return value
 */
// bound locally because it is used by other methods
Q.mapply = // XXX As proposed by "Redsandro"
Q.post = function (object, name, args) {
    return Q(object).dispatch("post", [name, args]);
};

Promise.prototype.mapply = // XXX As proposed by "Redsandro"
Promise.prototype.post = function (name, args) {
    return this.dispatch("post", [name, args]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param ...args   array of invocation arguments
 * @return promise for the return value
 */
Q.send = // XXX Mark Miller's proposed parlance
Q.mcall = // XXX As proposed by "Redsandro"
Q.invoke = function (object, name /*...args*/) {
    return Q(object).dispatch("post", [name, array_slice(arguments, 2)]);
};

Promise.prototype.send = // XXX Mark Miller's proposed parlance
Promise.prototype.mcall = // XXX As proposed by "Redsandro"
Promise.prototype.invoke = function (name /*...args*/) {
    return this.dispatch("post", [name, array_slice(arguments, 1)]);
};

/**
 * Applies the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param args      array of application arguments
 */
Q.fapply = function (object, args) {
    return Q(object).dispatch("apply", [void 0, args]);
};

Promise.prototype.fapply = function (args) {
    return this.dispatch("apply", [void 0, args]);
};

/**
 * Calls the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q["try"] =
Q.fcall = function (object /* ...args*/) {
    return Q(object).dispatch("apply", [void 0, array_slice(arguments, 1)]);
};

Promise.prototype.fcall = function (/*...args*/) {
    return this.dispatch("apply", [void 0, array_slice(arguments)]);
};

/**
 * Binds the promised function, transforming return values into a fulfilled
 * promise and thrown errors into a rejected one.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q.fbind = function (object /*...args*/) {
    var promise = Q(object);
    var args = array_slice(arguments, 1);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};
Promise.prototype.fbind = function (/*...args*/) {
    var promise = this;
    var args = array_slice(arguments);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};

/**
 * Requests the names of the owned properties of a promised
 * object in a future turn.
 * @param object    promise or immediate reference for target object
 * @return promise for the keys of the eventually settled object
 */
Q.keys = function (object) {
    return Q(object).dispatch("keys", []);
};

Promise.prototype.keys = function () {
    return this.dispatch("keys", []);
};

/**
 * Turns an array of promises into a promise for an array.  If any of
 * the promises gets rejected, the whole array is rejected immediately.
 * @param {Array*} an array (or promise for an array) of values (or
 * promises for values)
 * @returns a promise for an array of the corresponding values
 */
// By Mark Miller
// http://wiki.ecmascript.org/doku.php?id=strawman:concurrency&rev=1308776521#allfulfilled
Q.all = all;
function all(promises) {
    return when(promises, function (promises) {
        var pendingCount = 0;
        var deferred = defer();
        array_reduce(promises, function (undefined, promise, index) {
            var snapshot;
            if (
                isPromise(promise) &&
                (snapshot = promise.inspect()).state === "fulfilled"
            ) {
                promises[index] = snapshot.value;
            } else {
                ++pendingCount;
                when(
                    promise,
                    function (value) {
                        promises[index] = value;
                        if (--pendingCount === 0) {
                            deferred.resolve(promises);
                        }
                    },
                    deferred.reject,
                    function (progress) {
                        deferred.notify({ index: index, value: progress });
                    }
                );
            }
        }, void 0);
        if (pendingCount === 0) {
            deferred.resolve(promises);
        }
        return deferred.promise;
    });
}

Promise.prototype.all = function () {
    return all(this);
};

/**
 * Returns the first resolved promise of an array. Prior rejected promises are
 * ignored.  Rejects only if all promises are rejected.
 * @param {Array*} an array containing values or promises for values
 * @returns a promise fulfilled with the value of the first resolved promise,
 * or a rejected promise if all promises are rejected.
 */
Q.any = any;

function any(promises) {
    if (promises.length === 0) {
        return Q.resolve();
    }

    var deferred = Q.defer();
    var pendingCount = 0;
    array_reduce(promises, function (prev, current, index) {
        var promise = promises[index];

        pendingCount++;

        when(promise, onFulfilled, onRejected, onProgress);
        function onFulfilled(result) {
            deferred.resolve(result);
        }
        function onRejected(err) {
            pendingCount--;
            if (pendingCount === 0) {
                var rejection = err || new Error("" + err);

                rejection.message = ("Q can't get fulfillment value from any promise, all " +
                    "promises were rejected. Last error message: " + rejection.message);

                deferred.reject(rejection);
            }
        }
        function onProgress(progress) {
            deferred.notify({
                index: index,
                value: progress
            });
        }
    }, undefined);

    return deferred.promise;
}

Promise.prototype.any = function () {
    return any(this);
};

/**
 * Waits for all promises to be settled, either fulfilled or
 * rejected.  This is distinct from `all` since that would stop
 * waiting at the first rejection.  The promise returned by
 * `allResolved` will never be rejected.
 * @param promises a promise for an array (or an array) of promises
 * (or values)
 * @return a promise for an array of promises
 */
Q.allResolved = deprecate(allResolved, "allResolved", "allSettled");
function allResolved(promises) {
    return when(promises, function (promises) {
        promises = array_map(promises, Q);
        return when(all(array_map(promises, function (promise) {
            return when(promise, noop, noop);
        })), function () {
            return promises;
        });
    });
}

Promise.prototype.allResolved = function () {
    return allResolved(this);
};

/**
 * @see Promise#allSettled
 */
Q.allSettled = allSettled;
function allSettled(promises) {
    return Q(promises).allSettled();
}

/**
 * Turns an array of promises into a promise for an array of their states (as
 * returned by `inspect`) when they have all settled.
 * @param {Array[Any*]} values an array (or promise for an array) of values (or
 * promises for values)
 * @returns {Array[State]} an array of states for the respective values.
 */
Promise.prototype.allSettled = function () {
    return this.then(function (promises) {
        return all(array_map(promises, function (promise) {
            promise = Q(promise);
            function regardless() {
                return promise.inspect();
            }
            return promise.then(regardless, regardless);
        }));
    });
};

/**
 * Captures the failure of a promise, giving an oportunity to recover
 * with a callback.  If the given promise is fulfilled, the returned
 * promise is fulfilled.
 * @param {Any*} promise for something
 * @param {Function} callback to fulfill the returned promise if the
 * given promise is rejected
 * @returns a promise for the return value of the callback
 */
Q.fail = // XXX legacy
Q["catch"] = function (object, rejected) {
    return Q(object).then(void 0, rejected);
};

Promise.prototype.fail = // XXX legacy
Promise.prototype["catch"] = function (rejected) {
    return this.then(void 0, rejected);
};

/**
 * Attaches a listener that can respond to progress notifications from a
 * promise's originating deferred. This listener receives the exact arguments
 * passed to ``deferred.notify``.
 * @param {Any*} promise for something
 * @param {Function} callback to receive any progress notifications
 * @returns the given promise, unchanged
 */
Q.progress = progress;
function progress(object, progressed) {
    return Q(object).then(void 0, void 0, progressed);
}

Promise.prototype.progress = function (progressed) {
    return this.then(void 0, void 0, progressed);
};

/**
 * Provides an opportunity to observe the settling of a promise,
 * regardless of whether the promise is fulfilled or rejected.  Forwards
 * the resolution to the returned promise when the callback is done.
 * The callback can return a promise to defer completion.
 * @param {Any*} promise
 * @param {Function} callback to observe the resolution of the given
 * promise, takes no arguments.
 * @returns a promise for the resolution of the given promise when
 * ``fin`` is done.
 */
Q.fin = // XXX legacy
Q["finally"] = function (object, callback) {
    return Q(object)["finally"](callback);
};

Promise.prototype.fin = // XXX legacy
Promise.prototype["finally"] = function (callback) {
    if (!callback || typeof callback.apply !== "function") {
        throw new Error("Q can't apply finally callback");
    }
    callback = Q(callback);
    return this.then(function (value) {
        return callback.fcall().then(function () {
            return value;
        });
    }, function (reason) {
        // TODO attempt to recycle the rejection with "this".
        return callback.fcall().then(function () {
            throw reason;
        });
    });
};

/**
 * Terminates a chain of promises, forcing rejections to be
 * thrown as exceptions.
 * @param {Any*} promise at the end of a chain of promises
 * @returns nothing
 */
Q.done = function (object, fulfilled, rejected, progress) {
    return Q(object).done(fulfilled, rejected, progress);
};

Promise.prototype.done = function (fulfilled, rejected, progress) {
    var onUnhandledError = function (error) {
        // forward to a future turn so that ``when``
        // does not catch it and turn it into a rejection.
        Q.nextTick(function () {
            makeStackTraceLong(error, promise);
            if (Q.onerror) {
                Q.onerror(error);
            } else {
                throw error;
            }
        });
    };

    // Avoid unnecessary `nextTick`ing via an unnecessary `when`.
    var promise = fulfilled || rejected || progress ?
        this.then(fulfilled, rejected, progress) :
        this;

    if (typeof process === "object" && process && process.domain) {
        onUnhandledError = process.domain.bind(onUnhandledError);
    }

    promise.then(void 0, onUnhandledError);
};

/**
 * Causes a promise to be rejected if it does not get fulfilled before
 * some milliseconds time out.
 * @param {Any*} promise
 * @param {Number} milliseconds timeout
 * @param {Any*} custom error message or Error object (optional)
 * @returns a promise for the resolution of the given promise if it is
 * fulfilled before the timeout, otherwise rejected.
 */
Q.timeout = function (object, ms, error) {
    return Q(object).timeout(ms, error);
};

Promise.prototype.timeout = function (ms, error) {
    var deferred = defer();
    var timeoutId = setTimeout(function () {
        if (!error || "string" === typeof error) {
            error = new Error(error || "Timed out after " + ms + " ms");
            error.code = "ETIMEDOUT";
        }
        deferred.reject(error);
    }, ms);

    this.then(function (value) {
        clearTimeout(timeoutId);
        deferred.resolve(value);
    }, function (exception) {
        clearTimeout(timeoutId);
        deferred.reject(exception);
    }, deferred.notify);

    return deferred.promise;
};

/**
 * Returns a promise for the given value (or promised value), some
 * milliseconds after it resolved. Passes rejections immediately.
 * @param {Any*} promise
 * @param {Number} milliseconds
 * @returns a promise for the resolution of the given promise after milliseconds
 * time has elapsed since the resolution of the given promise.
 * If the given promise rejects, that is passed immediately.
 */
Q.delay = function (object, timeout) {
    if (timeout === void 0) {
        timeout = object;
        object = void 0;
    }
    return Q(object).delay(timeout);
};

Promise.prototype.delay = function (timeout) {
    return this.then(function (value) {
        var deferred = defer();
        setTimeout(function () {
            deferred.resolve(value);
        }, timeout);
        return deferred.promise;
    });
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided as an array, and returns a promise.
 *
 *      Q.nfapply(FS.readFile, [__filename])
 *      .then(function (content) {
 *      })
 *
 */
Q.nfapply = function (callback, args) {
    return Q(callback).nfapply(args);
};

Promise.prototype.nfapply = function (args) {
    var deferred = defer();
    var nodeArgs = array_slice(args);
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided individually, and returns a promise.
 * @example
 * Q.nfcall(FS.readFile, __filename)
 * .then(function (content) {
 * })
 *
 */
Q.nfcall = function (callback /*...args*/) {
    var args = array_slice(arguments, 1);
    return Q(callback).nfapply(args);
};

Promise.prototype.nfcall = function (/*...args*/) {
    var nodeArgs = array_slice(arguments);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Wraps a NodeJS continuation passing function and returns an equivalent
 * version that returns a promise.
 * @example
 * Q.nfbind(FS.readFile, __filename)("utf-8")
 * .then(console.log)
 * .done()
 */
Q.nfbind =
Q.denodeify = function (callback /*...args*/) {
    if (callback === undefined) {
        throw new Error("Q can't wrap an undefined function");
    }
    var baseArgs = array_slice(arguments, 1);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        Q(callback).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nfbind =
Promise.prototype.denodeify = function (/*...args*/) {
    var args = array_slice(arguments);
    args.unshift(this);
    return Q.denodeify.apply(void 0, args);
};

Q.nbind = function (callback, thisp /*...args*/) {
    var baseArgs = array_slice(arguments, 2);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        function bound() {
            return callback.apply(thisp, arguments);
        }
        Q(bound).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nbind = function (/*thisp, ...args*/) {
    var args = array_slice(arguments, 0);
    args.unshift(this);
    return Q.nbind.apply(void 0, args);
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback with a given array of arguments, plus a provided callback.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param {Array} args arguments to pass to the method; the callback
 * will be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nmapply = // XXX As proposed by "Redsandro"
Q.npost = function (object, name, args) {
    return Q(object).npost(name, args);
};

Promise.prototype.nmapply = // XXX As proposed by "Redsandro"
Promise.prototype.npost = function (name, args) {
    var nodeArgs = array_slice(args || []);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback, forwarding the given variadic arguments, plus a provided
 * callback argument.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param ...args arguments to pass to the method; the callback will
 * be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nsend = // XXX Based on Mark Miller's proposed "send"
Q.nmcall = // XXX Based on "Redsandro's" proposal
Q.ninvoke = function (object, name /*...args*/) {
    var nodeArgs = array_slice(arguments, 2);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    Q(object).dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

Promise.prototype.nsend = // XXX Based on Mark Miller's proposed "send"
Promise.prototype.nmcall = // XXX Based on "Redsandro's" proposal
Promise.prototype.ninvoke = function (name /*...args*/) {
    var nodeArgs = array_slice(arguments, 1);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * If a function would like to support both Node continuation-passing-style and
 * promise-returning-style, it can end its internal promise chain with
 * `nodeify(nodeback)`, forwarding the optional nodeback argument.  If the user
 * elects to use a nodeback, the result will be sent there.  If they do not
 * pass a nodeback, they will receive the result promise.
 * @param object a result (or a promise for a result)
 * @param {Function} nodeback a Node.js-style callback
 * @returns either the promise or nothing
 */
Q.nodeify = nodeify;
function nodeify(object, nodeback) {
    return Q(object).nodeify(nodeback);
}

Promise.prototype.nodeify = function (nodeback) {
    if (nodeback) {
        this.then(function (value) {
            Q.nextTick(function () {
                nodeback(null, value);
            });
        }, function (error) {
            Q.nextTick(function () {
                nodeback(error);
            });
        });
    } else {
        return this;
    }
};

Q.noConflict = function() {
    throw new Error("Q.noConflict only works when Q is used as a global");
};

// All code before this point will be filtered from stack traces.
var qEndingLine = captureLine();

return Q;

});


/***/ }),

/***/ 9318:
/***/ ((module, exports) => {

exports = module.exports = SemVer

var debug
/* istanbul ignore next */
if (typeof process === 'object' &&
    process.env &&
    process.env.NODE_DEBUG &&
    /\bsemver\b/i.test(process.env.NODE_DEBUG)) {
  debug = function () {
    var args = Array.prototype.slice.call(arguments, 0)
    args.unshift('SEMVER')
    console.log.apply(console, args)
  }
} else {
  debug = function () {}
}

// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
exports.SEMVER_SPEC_VERSION = '2.0.0'

var MAX_LENGTH = 256
var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
  /* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
var MAX_SAFE_COMPONENT_LENGTH = 16

var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// The actual regexps go on exports.re
var re = exports.re = []
var safeRe = exports.safeRe = []
var src = exports.src = []
var R = 0

var LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
var safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

function makeSafeRe (value) {
  for (var i = 0; i < safeRegexReplacements.length; i++) {
    var token = safeRegexReplacements[i][0]
    var max = safeRegexReplacements[i][1]
    value = value
      .split(token + '*').join(token + '{0,' + max + '}')
      .split(token + '+').join(token + '{1,' + max + '}')
  }
  return value
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

var NUMERICIDENTIFIER = R++
src[NUMERICIDENTIFIER] = '0|[1-9]\\d*'
var NUMERICIDENTIFIERLOOSE = R++
src[NUMERICIDENTIFIERLOOSE] = '\\d+'

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

var NONNUMERICIDENTIFIER = R++
src[NONNUMERICIDENTIFIER] = '\\d*[a-zA-Z-]' + LETTERDASHNUMBER + '*'

// ## Main Version
// Three dot-separated numeric identifiers.

var MAINVERSION = R++
src[MAINVERSION] = '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')'

var MAINVERSIONLOOSE = R++
src[MAINVERSIONLOOSE] = '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')'

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.

var PRERELEASEIDENTIFIER = R++
src[PRERELEASEIDENTIFIER] = '(?:' + src[NUMERICIDENTIFIER] +
                            '|' + src[NONNUMERICIDENTIFIER] + ')'

var PRERELEASEIDENTIFIERLOOSE = R++
src[PRERELEASEIDENTIFIERLOOSE] = '(?:' + src[NUMERICIDENTIFIERLOOSE] +
                                 '|' + src[NONNUMERICIDENTIFIER] + ')'

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

var PRERELEASE = R++
src[PRERELEASE] = '(?:-(' + src[PRERELEASEIDENTIFIER] +
                  '(?:\\.' + src[PRERELEASEIDENTIFIER] + ')*))'

var PRERELEASELOOSE = R++
src[PRERELEASELOOSE] = '(?:-?(' + src[PRERELEASEIDENTIFIERLOOSE] +
                       '(?:\\.' + src[PRERELEASEIDENTIFIERLOOSE] + ')*))'

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

var BUILDIDENTIFIER = R++
src[BUILDIDENTIFIER] = LETTERDASHNUMBER + '+'

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

var BUILD = R++
src[BUILD] = '(?:\\+(' + src[BUILDIDENTIFIER] +
             '(?:\\.' + src[BUILDIDENTIFIER] + ')*))'

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

var FULL = R++
var FULLPLAIN = 'v?' + src[MAINVERSION] +
                src[PRERELEASE] + '?' +
                src[BUILD] + '?'

src[FULL] = '^' + FULLPLAIN + '$'

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
var LOOSEPLAIN = '[v=\\s]*' + src[MAINVERSIONLOOSE] +
                 src[PRERELEASELOOSE] + '?' +
                 src[BUILD] + '?'

var LOOSE = R++
src[LOOSE] = '^' + LOOSEPLAIN + '$'

var GTLT = R++
src[GTLT] = '((?:<|>)?=?)'

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifer, meaning "any version"
// Only the first item is strictly required.
var XRANGEIDENTIFIERLOOSE = R++
src[XRANGEIDENTIFIERLOOSE] = src[NUMERICIDENTIFIERLOOSE] + '|x|X|\\*'
var XRANGEIDENTIFIER = R++
src[XRANGEIDENTIFIER] = src[NUMERICIDENTIFIER] + '|x|X|\\*'

var XRANGEPLAIN = R++
src[XRANGEPLAIN] = '[v=\\s]*(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:' + src[PRERELEASE] + ')?' +
                   src[BUILD] + '?' +
                   ')?)?'

var XRANGEPLAINLOOSE = R++
src[XRANGEPLAINLOOSE] = '[v=\\s]*(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:' + src[PRERELEASELOOSE] + ')?' +
                        src[BUILD] + '?' +
                        ')?)?'

var XRANGE = R++
src[XRANGE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAIN] + '$'
var XRANGELOOSE = R++
src[XRANGELOOSE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAINLOOSE] + '$'

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
var COERCE = R++
src[COERCE] = '(?:^|[^\\d])' +
              '(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '})' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:$|[^\\d])'

// Tilde ranges.
// Meaning is "reasonably at or greater than"
var LONETILDE = R++
src[LONETILDE] = '(?:~>?)'

var TILDETRIM = R++
src[TILDETRIM] = '(\\s*)' + src[LONETILDE] + '\\s+'
re[TILDETRIM] = new RegExp(src[TILDETRIM], 'g')
safeRe[TILDETRIM] = new RegExp(makeSafeRe(src[TILDETRIM]), 'g')
var tildeTrimReplace = '$1~'

var TILDE = R++
src[TILDE] = '^' + src[LONETILDE] + src[XRANGEPLAIN] + '$'
var TILDELOOSE = R++
src[TILDELOOSE] = '^' + src[LONETILDE] + src[XRANGEPLAINLOOSE] + '$'

// Caret ranges.
// Meaning is "at least and backwards compatible with"
var LONECARET = R++
src[LONECARET] = '(?:\\^)'

var CARETTRIM = R++
src[CARETTRIM] = '(\\s*)' + src[LONECARET] + '\\s+'
re[CARETTRIM] = new RegExp(src[CARETTRIM], 'g')
safeRe[CARETTRIM] = new RegExp(makeSafeRe(src[CARETTRIM]), 'g')
var caretTrimReplace = '$1^'

var CARET = R++
src[CARET] = '^' + src[LONECARET] + src[XRANGEPLAIN] + '$'
var CARETLOOSE = R++
src[CARETLOOSE] = '^' + src[LONECARET] + src[XRANGEPLAINLOOSE] + '$'

// A simple gt/lt/eq thing, or just "" to indicate "any version"
var COMPARATORLOOSE = R++
src[COMPARATORLOOSE] = '^' + src[GTLT] + '\\s*(' + LOOSEPLAIN + ')$|^$'
var COMPARATOR = R++
src[COMPARATOR] = '^' + src[GTLT] + '\\s*(' + FULLPLAIN + ')$|^$'

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
var COMPARATORTRIM = R++
src[COMPARATORTRIM] = '(\\s*)' + src[GTLT] +
                      '\\s*(' + LOOSEPLAIN + '|' + src[XRANGEPLAIN] + ')'

// this one has to use the /g flag
re[COMPARATORTRIM] = new RegExp(src[COMPARATORTRIM], 'g')
safeRe[COMPARATORTRIM] = new RegExp(makeSafeRe(src[COMPARATORTRIM]), 'g')

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
var HYPHENRANGE = R++
src[HYPHENRANGE] = '^\\s*(' + src[XRANGEPLAIN] + ')' +
                   '\\s+-\\s+' +
                   '(' + src[XRANGEPLAIN] + ')' +
                   '\\s*$'

var HYPHENRANGELOOSE = R++
src[HYPHENRANGELOOSE] = '^\\s*(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s+-\\s+' +
                        '(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s*$'

// Star ranges basically just allow anything at all.
var STAR = R++
src[STAR] = '(<|>)?=?\\s*\\*'

// Compile to actual regexp objects.
// All are flag-free, unless they were created above with a flag.
for (var i = 0; i < R; i++) {
  debug(i, src[i])
  if (!re[i]) {
    re[i] = new RegExp(src[i])

    // Replace all greedy whitespace to prevent regex dos issues. These regex are
    // used internally via the safeRe object since all inputs in this library get
    // normalized first to trim and collapse all extra whitespace. The original
    // regexes are exported for userland consumption and lower level usage. A
    // future breaking change could export the safer regex only with a note that
    // all input should have extra whitespace removed.
    safeRe[i] = new RegExp(makeSafeRe(src[i]))
  }
}

exports.parse = parse
function parse (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  if (version.length > MAX_LENGTH) {
    return null
  }

  var r = options.loose ? safeRe[LOOSE] : safeRe[FULL]
  if (!r.test(version)) {
    return null
  }

  try {
    return new SemVer(version, options)
  } catch (er) {
    return null
  }
}

exports.valid = valid
function valid (version, options) {
  var v = parse(version, options)
  return v ? v.version : null
}

exports.clean = clean
function clean (version, options) {
  var s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}

exports.SemVer = SemVer

function SemVer (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }
  if (version instanceof SemVer) {
    if (version.loose === options.loose) {
      return version
    } else {
      version = version.version
    }
  } else if (typeof version !== 'string') {
    throw new TypeError('Invalid Version: ' + version)
  }

  if (version.length > MAX_LENGTH) {
    throw new TypeError('version is longer than ' + MAX_LENGTH + ' characters')
  }

  if (!(this instanceof SemVer)) {
    return new SemVer(version, options)
  }

  debug('SemVer', version, options)
  this.options = options
  this.loose = !!options.loose

  var m = version.trim().match(options.loose ? safeRe[LOOSE] : safeRe[FULL])

  if (!m) {
    throw new TypeError('Invalid Version: ' + version)
  }

  this.raw = version

  // these are actually numbers
  this.major = +m[1]
  this.minor = +m[2]
  this.patch = +m[3]

  if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
    throw new TypeError('Invalid major version')
  }

  if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
    throw new TypeError('Invalid minor version')
  }

  if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
    throw new TypeError('Invalid patch version')
  }

  // numberify any prerelease numeric ids
  if (!m[4]) {
    this.prerelease = []
  } else {
    this.prerelease = m[4].split('.').map(function (id) {
      if (/^[0-9]+$/.test(id)) {
        var num = +id
        if (num >= 0 && num < MAX_SAFE_INTEGER) {
          return num
        }
      }
      return id
    })
  }

  this.build = m[5] ? m[5].split('.') : []
  this.format()
}

SemVer.prototype.format = function () {
  this.version = this.major + '.' + this.minor + '.' + this.patch
  if (this.prerelease.length) {
    this.version += '-' + this.prerelease.join('.')
  }
  return this.version
}

SemVer.prototype.toString = function () {
  return this.version
}

SemVer.prototype.compare = function (other) {
  debug('SemVer.compare', this.version, this.options, other)
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return this.compareMain(other) || this.comparePre(other)
}

SemVer.prototype.compareMain = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return compareIdentifiers(this.major, other.major) ||
         compareIdentifiers(this.minor, other.minor) ||
         compareIdentifiers(this.patch, other.patch)
}

SemVer.prototype.comparePre = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  // NOT having a prerelease is > having one
  if (this.prerelease.length && !other.prerelease.length) {
    return -1
  } else if (!this.prerelease.length && other.prerelease.length) {
    return 1
  } else if (!this.prerelease.length && !other.prerelease.length) {
    return 0
  }

  var i = 0
  do {
    var a = this.prerelease[i]
    var b = other.prerelease[i]
    debug('prerelease compare', i, a, b)
    if (a === undefined && b === undefined) {
      return 0
    } else if (b === undefined) {
      return 1
    } else if (a === undefined) {
      return -1
    } else if (a === b) {
      continue
    } else {
      return compareIdentifiers(a, b)
    }
  } while (++i)
}

// preminor will bump the version up to the next minor release, and immediately
// down to pre-release. premajor and prepatch work the same way.
SemVer.prototype.inc = function (release, identifier) {
  switch (release) {
    case 'premajor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor = 0
      this.major++
      this.inc('pre', identifier)
      break
    case 'preminor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor++
      this.inc('pre', identifier)
      break
    case 'prepatch':
      // If this is already a prerelease, it will bump to the next version
      // drop any prereleases that might already exist, since they are not
      // relevant at this point.
      this.prerelease.length = 0
      this.inc('patch', identifier)
      this.inc('pre', identifier)
      break
    // If the input is a non-prerelease version, this acts the same as
    // prepatch.
    case 'prerelease':
      if (this.prerelease.length === 0) {
        this.inc('patch', identifier)
      }
      this.inc('pre', identifier)
      break

    case 'major':
      // If this is a pre-major version, bump up to the same major version.
      // Otherwise increment major.
      // 1.0.0-5 bumps to 1.0.0
      // 1.1.0 bumps to 2.0.0
      if (this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0) {
        this.major++
      }
      this.minor = 0
      this.patch = 0
      this.prerelease = []
      break
    case 'minor':
      // If this is a pre-minor version, bump up to the same minor version.
      // Otherwise increment minor.
      // 1.2.0-5 bumps to 1.2.0
      // 1.2.1 bumps to 1.3.0
      if (this.patch !== 0 || this.prerelease.length === 0) {
        this.minor++
      }
      this.patch = 0
      this.prerelease = []
      break
    case 'patch':
      // If this is not a pre-release version, it will increment the patch.
      // If it is a pre-release it will bump up to the same patch version.
      // 1.2.0-5 patches to 1.2.0
      // 1.2.0 patches to 1.2.1
      if (this.prerelease.length === 0) {
        this.patch++
      }
      this.prerelease = []
      break
    // This probably shouldn't be used publicly.
    // 1.0.0 "pre" would become 1.0.0-0 which is the wrong direction.
    case 'pre':
      if (this.prerelease.length === 0) {
        this.prerelease = [0]
      } else {
        var i = this.prerelease.length
        while (--i >= 0) {
          if (typeof this.prerelease[i] === 'number') {
            this.prerelease[i]++
            i = -2
          }
        }
        if (i === -1) {
          // didn't increment anything
          this.prerelease.push(0)
        }
      }
      if (identifier) {
        // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
        // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
        if (this.prerelease[0] === identifier) {
          if (isNaN(this.prerelease[1])) {
            this.prerelease = [identifier, 0]
          }
        } else {
          this.prerelease = [identifier, 0]
        }
      }
      break

    default:
      throw new Error('invalid increment argument: ' + release)
  }
  this.format()
  this.raw = this.version
  return this
}

exports.inc = inc
function inc (version, release, loose, identifier) {
  if (typeof (loose) === 'string') {
    identifier = loose
    loose = undefined
  }

  try {
    return new SemVer(version, loose).inc(release, identifier).version
  } catch (er) {
    return null
  }
}

exports.diff = diff
function diff (version1, version2) {
  if (eq(version1, version2)) {
    return null
  } else {
    var v1 = parse(version1)
    var v2 = parse(version2)
    var prefix = ''
    if (v1.prerelease.length || v2.prerelease.length) {
      prefix = 'pre'
      var defaultResult = 'prerelease'
    }
    for (var key in v1) {
      if (key === 'major' || key === 'minor' || key === 'patch') {
        if (v1[key] !== v2[key]) {
          return prefix + key
        }
      }
    }
    return defaultResult // may be undefined
  }
}

exports.compareIdentifiers = compareIdentifiers

var numeric = /^[0-9]+$/
function compareIdentifiers (a, b) {
  var anum = numeric.test(a)
  var bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

exports.rcompareIdentifiers = rcompareIdentifiers
function rcompareIdentifiers (a, b) {
  return compareIdentifiers(b, a)
}

exports.major = major
function major (a, loose) {
  return new SemVer(a, loose).major
}

exports.minor = minor
function minor (a, loose) {
  return new SemVer(a, loose).minor
}

exports.patch = patch
function patch (a, loose) {
  return new SemVer(a, loose).patch
}

exports.compare = compare
function compare (a, b, loose) {
  return new SemVer(a, loose).compare(new SemVer(b, loose))
}

exports.compareLoose = compareLoose
function compareLoose (a, b) {
  return compare(a, b, true)
}

exports.rcompare = rcompare
function rcompare (a, b, loose) {
  return compare(b, a, loose)
}

exports.sort = sort
function sort (list, loose) {
  return list.sort(function (a, b) {
    return exports.compare(a, b, loose)
  })
}

exports.rsort = rsort
function rsort (list, loose) {
  return list.sort(function (a, b) {
    return exports.rcompare(a, b, loose)
  })
}

exports.gt = gt
function gt (a, b, loose) {
  return compare(a, b, loose) > 0
}

exports.lt = lt
function lt (a, b, loose) {
  return compare(a, b, loose) < 0
}

exports.eq = eq
function eq (a, b, loose) {
  return compare(a, b, loose) === 0
}

exports.neq = neq
function neq (a, b, loose) {
  return compare(a, b, loose) !== 0
}

exports.gte = gte
function gte (a, b, loose) {
  return compare(a, b, loose) >= 0
}

exports.lte = lte
function lte (a, b, loose) {
  return compare(a, b, loose) <= 0
}

exports.cmp = cmp
function cmp (a, op, b, loose) {
  switch (op) {
    case '===':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a === b

    case '!==':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError('Invalid operator: ' + op)
  }
}

exports.Comparator = Comparator
function Comparator (comp, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (comp instanceof Comparator) {
    if (comp.loose === !!options.loose) {
      return comp
    } else {
      comp = comp.value
    }
  }

  if (!(this instanceof Comparator)) {
    return new Comparator(comp, options)
  }

  comp = comp.trim().split(/\s+/).join(' ')
  debug('comparator', comp, options)
  this.options = options
  this.loose = !!options.loose
  this.parse(comp)

  if (this.semver === ANY) {
    this.value = ''
  } else {
    this.value = this.operator + this.semver.version
  }

  debug('comp', this)
}

var ANY = {}
Comparator.prototype.parse = function (comp) {
  var r = this.options.loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var m = comp.match(r)

  if (!m) {
    throw new TypeError('Invalid comparator: ' + comp)
  }

  this.operator = m[1]
  if (this.operator === '=') {
    this.operator = ''
  }

  // if it literally is just '>' or '' then allow anything.
  if (!m[2]) {
    this.semver = ANY
  } else {
    this.semver = new SemVer(m[2], this.options.loose)
  }
}

Comparator.prototype.toString = function () {
  return this.value
}

Comparator.prototype.test = function (version) {
  debug('Comparator.test', version, this.options.loose)

  if (this.semver === ANY) {
    return true
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  return cmp(version, this.operator, this.semver, this.options)
}

Comparator.prototype.intersects = function (comp, options) {
  if (!(comp instanceof Comparator)) {
    throw new TypeError('a Comparator is required')
  }

  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  var rangeTmp

  if (this.operator === '') {
    rangeTmp = new Range(comp.value, options)
    return satisfies(this.value, rangeTmp, options)
  } else if (comp.operator === '') {
    rangeTmp = new Range(this.value, options)
    return satisfies(comp.semver, rangeTmp, options)
  }

  var sameDirectionIncreasing =
    (this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '>=' || comp.operator === '>')
  var sameDirectionDecreasing =
    (this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '<=' || comp.operator === '<')
  var sameSemVer = this.semver.version === comp.semver.version
  var differentDirectionsInclusive =
    (this.operator === '>=' || this.operator === '<=') &&
    (comp.operator === '>=' || comp.operator === '<=')
  var oppositeDirectionsLessThan =
    cmp(this.semver, '<', comp.semver, options) &&
    ((this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '<=' || comp.operator === '<'))
  var oppositeDirectionsGreaterThan =
    cmp(this.semver, '>', comp.semver, options) &&
    ((this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '>=' || comp.operator === '>'))

  return sameDirectionIncreasing || sameDirectionDecreasing ||
    (sameSemVer && differentDirectionsInclusive) ||
    oppositeDirectionsLessThan || oppositeDirectionsGreaterThan
}

exports.Range = Range
function Range (range, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (range instanceof Range) {
    if (range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease) {
      return range
    } else {
      return new Range(range.raw, options)
    }
  }

  if (range instanceof Comparator) {
    return new Range(range.value, options)
  }

  if (!(this instanceof Range)) {
    return new Range(range, options)
  }

  this.options = options
  this.loose = !!options.loose
  this.includePrerelease = !!options.includePrerelease

  // First reduce all whitespace as much as possible so we do not have to rely
  // on potentially slow regexes like \s*. This is then stored and used for
  // future error messages as well.
  this.raw = range
    .trim()
    .split(/\s+/)
    .join(' ')

  // First, split based on boolean or ||
  this.set = this.raw.split('||').map(function (range) {
    return this.parseRange(range.trim())
  }, this).filter(function (c) {
    // throw out any that are not relevant for whatever reason
    return c.length
  })

  if (!this.set.length) {
    throw new TypeError('Invalid SemVer Range: ' + this.raw)
  }

  this.format()
}

Range.prototype.format = function () {
  this.range = this.set.map(function (comps) {
    return comps.join(' ').trim()
  }).join('||').trim()
  return this.range
}

Range.prototype.toString = function () {
  return this.range
}

function isWhitespace (char) {
  var code = char && char.charCodeAt(0)
  return (code >= 0x0009 && code <= 0x000d) ||
    code === 0x0020 || code === 0x00a0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff
}

function isVersionPrefix (char) {
  return char === 'v' || char === '=' || isWhitespace(char)
}

function isDigit (char) {
  return char !== undefined && char >= '0' && char <= '9'
}

function isLetter (char) {
  return char !== undefined &&
    ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'))
}

function isIdentifierCharacter (char) {
  return isDigit(char) || isLetter(char) || char === '-'
}

function isVersionStart (char) {
  return isDigit(char) || char === 'x' || char === 'X' || char === '*'
}

function findDigitsEndIndex (range, start, limit, digitRuns) {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  var end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second digit run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

function findVersionNumberEndIndex (range, start, loose, digitRuns) {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

function findPrereleaseIdentifierEndIndex (range, start, loose, digitRuns) {
  // Unlike v7, the legacy regex tries numeric identifiers before nonnumeric ones.
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, loose, digitRuns)
  }
  if (!isLetter(range[start]) && range[start] !== '-') {
    return start
  }
  var end = start + 1
  var limit = end + MAX_SAFE_BUILD_LENGTH
  while (end < limit && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

function findPrereleaseEndIndex (range, start, loose, digitRuns) {
  var hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  var identifierStart = start + (hyphen ? 1 : 0)
  var end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    var next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

function findBuildEndIndex (range, start) {
  if (range[start] !== '+') {
    return start
  }
  var end = start + 1
  do {
    var identifierStart = end
    while (end - identifierStart < MAX_SAFE_BUILD_LENGTH &&
        isIdentifierCharacter(range[end])) {
      end++
    }
    if (end === identifierStart) {
      return identifierStart === start + 1 ? start : end - 1
    }
    if (range[end] !== '.') {
      return end
    }
    end++
  } while (true)
}

function findLooseFullVersionEndIndex (range, start, digitRuns) {
  var end = start
  for (var component = 0; component < 3; component++) {
    var next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, true, digitRuns))
}

function findPartialVersionComponentEndIndex (range, start, digitRuns) {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

function findVersionEndIndex (range, start, digitRuns) {
  var end = findLooseFullVersionEndIndex(range, start, digitRuns)
  if (end !== start) {
    return end
  }
  end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (var component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    var next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, false, digitRuns))
}

function findRemovableWhitespaceIndex (range, position) {
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

function trimComparatorWhitespace (range) {
  var result = ''
  var copyFrom = 0
  var cursor = 0
  var digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }
  while (cursor < range.length) {
    var matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }
    var whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }
    // Preserve match boundaries inside prerelease and build identifiers.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }
  return result + range.slice(copyFrom)
}

Range.prototype.parseRange = function (range) {
  var loose = this.options.loose
  // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
  var hr = loose ? safeRe[HYPHENRANGELOOSE] : safeRe[HYPHENRANGE]
  range = range.replace(hr, hyphenReplace)
  debug('hyphen replace', range)
  // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
  range = trimComparatorWhitespace(range)
  debug('comparator trim', range)

  // `~ 1.2.3` => `~1.2.3`
  range = range.replace(safeRe[TILDETRIM], tildeTrimReplace)

  // `^ 1.2.3` => `^1.2.3`
  range = range.replace(safeRe[CARETTRIM], caretTrimReplace)

  // At this point, the range is completely trimmed and
  // ready to be split into comparators.
  var compRe = loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var set = range.split(' ').map(function (comp) {
    return parseComparator(comp, this.options)
  }, this).join(' ').split(/\s+/)
  if (this.options.loose) {
    // in loose mode, throw out any that are not valid comparators
    set = set.filter(function (comp) {
      return !!comp.match(compRe)
    })
  }
  set = set.map(function (comp) {
    return new Comparator(comp, this.options)
  }, this)

  return set
}

Range.prototype.intersects = function (range, options) {
  if (!(range instanceof Range)) {
    throw new TypeError('a Range is required')
  }

  return this.set.some(function (thisComparators) {
    return thisComparators.every(function (thisComparator) {
      return range.set.some(function (rangeComparators) {
        return rangeComparators.every(function (rangeComparator) {
          return thisComparator.intersects(rangeComparator, options)
        })
      })
    })
  })
}

// Mostly just for testing and legacy API reasons
exports.toComparators = toComparators
function toComparators (range, options) {
  return new Range(range, options).set.map(function (comp) {
    return comp.map(function (c) {
      return c.value
    }).join(' ').trim().split(' ')
  })
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
function parseComparator (comp, options) {
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

function isX (id) {
  return !id || id.toLowerCase() === 'x' || id === '*'
}

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0
function replaceTildes (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceTilde(comp, options)
  }).join(' ')
}

function replaceTilde (comp, options) {
  var r = options.loose ? safeRe[TILDELOOSE] : safeRe[TILDE]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('tilde', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
            ' <' + M + '.' + (+m + 1) + '.0'
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0
      ret = '>=' + M + '.' + m + '.' + p +
            ' <' + M + '.' + (+m + 1) + '.0'
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0
// ^1.2.3 --> >=1.2.3 <2.0.0
// ^1.2.0 --> >=1.2.0 <2.0.0
function replaceCarets (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceCaret(comp, options)
  }).join(' ')
}

function replaceCaret (comp, options) {
  debug('caret', comp, options)
  var r = options.loose ? safeRe[CARETLOOSE] : safeRe[CARET]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('caret', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      if (M === '0') {
        ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
      } else {
        ret = '>=' + M + '.' + m + '.0 <' + (+M + 1) + '.0.0'
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
              ' <' + (+M + 1) + '.0.0'
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p +
              ' <' + (+M + 1) + '.0.0'
      }
    }

    debug('caret return', ret)
    return ret
  })
}

function replaceXRanges (comp, options) {
  debug('replaceXRanges', comp, options)
  return comp.split(/\s+/).map(function (comp) {
    return replaceXRange(comp, options)
  }).join(' ')
}

function replaceXRange (comp, options) {
  comp = comp.trim()
  var r = options.loose ? safeRe[XRANGELOOSE] : safeRe[XRANGE]
  return comp.replace(r, function (ret, gtlt, M, m, p, pr) {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    var xM = isX(M)
    var xm = xM || isX(m)
    var xp = xm || isX(p)
    var anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        // >1.2.3 => >= 1.2.4
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      ret = gtlt + M + '.' + m + '.' + p
    } else if (xm) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (xp) {
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
function replaceStars (comp, options) {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp.trim().replace(safeRe[STAR], '')
}

// This function is passed to string.replace(safeRe[HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0
function hyphenReplace ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr, tb) {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = '>=' + fM + '.0.0'
  } else if (isX(fp)) {
    from = '>=' + fM + '.' + fm + '.0'
  } else {
    from = '>=' + from
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = '<' + (+tM + 1) + '.0.0'
  } else if (isX(tp)) {
    to = '<' + tM + '.' + (+tm + 1) + '.0'
  } else if (tpr) {
    to = '<=' + tM + '.' + tm + '.' + tp + '-' + tpr
  } else {
    to = '<=' + to
  }

  return (from + ' ' + to).trim()
}

// if ANY of the sets match ALL of its comparators, then pass
Range.prototype.test = function (version) {
  if (!version) {
    return false
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  for (var i = 0; i < this.set.length; i++) {
    if (testSet(this.set[i], version, this.options)) {
      return true
    }
  }
  return false
}

function testSet (set, version, options) {
  for (var i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        var allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}

exports.satisfies = satisfies
function satisfies (version, range, options) {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}

exports.maxSatisfying = maxSatisfying
function maxSatisfying (versions, range, options) {
  var max = null
  var maxSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}

exports.minSatisfying = minSatisfying
function minSatisfying (versions, range, options) {
  var min = null
  var minSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}

exports.minVersion = minVersion
function minVersion (range, loose) {
  range = new Range(range, loose)

  var minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    comparators.forEach(function (comparator) {
      // Clone to avoid manipulating the comparator's semver object.
      var compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!minver || gt(minver, compver)) {
            minver = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error('Unexpected operation: ' + comparator.operator)
      }
    })
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}

exports.validRange = validRange
function validRange (range, options) {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}

// Determine if version is less than all the versions possible in the range
exports.ltr = ltr
function ltr (version, range, options) {
  return outside(version, range, '<', options)
}

// Determine if version is greater than all the versions possible in the range.
exports.gtr = gtr
function gtr (version, range, options) {
  return outside(version, range, '>', options)
}

exports.outside = outside
function outside (version, range, hilo, options) {
  version = new SemVer(version, options)
  range = new Range(range, options)

  var gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisifes the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    var high = null
    var low = null

    comparators.forEach(function (comparator) {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

exports.prerelease = prerelease
function prerelease (version, options) {
  var parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}

exports.intersects = intersects
function intersects (r1, r2, options) {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2)
}

exports.coerce = coerce
function coerce (version) {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  var match = version.match(safeRe[COERCE])

  if (match == null) {
    return null
  }

  return parse(match[1] +
    '.' + (match[2] || '0') +
    '.' + (match[3] || '0'))
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError),
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * A problem with how the tool was called (bad option, path that does not exist, unknown rule id).
 * Adapters print `message` as one line and exit 2; never a stack trace.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/** The text of any thrown value, for one-line error output. */
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 5806:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ againstText),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   LU: () => (/* binding */ connectorName),
/* harmony export */   Np: () => (/* binding */ bySeverity),
/* harmony export */   Z_: () => (/* binding */ deferredVariableText),
/* harmony export */   fN: () => (/* binding */ locationText),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   o8: () => (/* binding */ groupBySolution),
/* harmony export */   oZ: () => (/* binding */ matrixCell),
/* harmony export */   on: () => (/* binding */ groupBySettings),
/* harmony export */   qm: () => (/* binding */ collapseRepeated),
/* harmony export */   se: () => (/* binding */ perFileNote),
/* harmony export */   x5: () => (/* binding */ settingsLabels),
/* harmony export */   y6: () => (/* binding */ groupSettingsFiles)
/* harmony export */ });
/* unused harmony exports SEVERITY_RANK, settingsFilesOf */
/* harmony import */ var _rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6850);

const SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
/** Most severe first; otherwise the report's own (deterministic) order is kept. */
function bySeverity(findings) {
    return findings
        .map((finding, index) => ({ finding, index }))
        .sort((a, b) => {
        const rank = SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity];
        return rank !== 0 ? rank : a.index - b.index;
    })
        .map(({ finding }) => finding);
}
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
function summaryText(summary) {
    return [
        plural(summary.errors, 'error'),
        plural(summary.warnings, 'warning'),
        plural(summary.notes, 'note'),
    ].join(', ');
}
/** `file:line` (or just the file), or undefined when the finding has no location. */
function locationText(finding) {
    if (!finding.location)
        return undefined;
    const { file, line } = finding.location;
    return line === undefined ? file : `${file}:${line}`;
}
/**
 * Groups findings by solution, in the order of `report.solutions`; findings that belong to no
 * listed solution (SL001 on an unreadable path, DS001 before any solution) follow in the order
 * they first appear. A finding names its solution by unique name, or by path when unreadable.
 */
function groupBySolution(report) {
    const groups = [];
    const byKey = new Map();
    for (const solution of report.solutions) {
        // Two solutions may share a unique name (a managed and an unmanaged export side by side): a
        // finding goes to the solution its `solutionPath` names, else to the first of that name.
        const group = { key: solution.uniqueName, solution, findings: [] };
        groups.push(group);
        if (!byKey.has(solution.path))
            byKey.set(solution.path, group);
        if (!byKey.has(solution.uniqueName))
            byKey.set(solution.uniqueName, group);
    }
    for (const finding of report.findings) {
        let group = (finding.solutionPath !== undefined ? byKey.get(finding.solutionPath) : undefined) ??
            byKey.get(finding.solution);
        if (!group) {
            group = { key: finding.solution, findings: [] };
            groups.push(group);
            byKey.set(finding.solution, group);
        }
        group.findings.push(finding);
    }
    return groups;
}
/** Short connector name: `/providers/Microsoft.PowerApps/apis/shared_office365` -> `shared_office365`. */
function connectorName(connectorId) {
    const slash = connectorId.lastIndexOf('/');
    return slash === -1 ? connectorId : connectorId.slice(slash + 1);
}
// ---------------------------------------------------------------------------------------------
// Several settings files (environments)
/**
 * The settings files one group's findings are shown by (a matrix and a section per file), when
 * there are several: a solution's own files; for a path that could not be read, the run's; for
 * findings about a settings file as a whole (a monorepo's stale entries), none.
 */
function groupSettingsFiles(report, group) {
    if (group.solution?.settings !== undefined) {
        return group.solution.settings.length > 1 ? group.solution.settings : [];
    }
    const files = settingsFilesOf(report);
    return files.includes(group.key) ? [] : files;
}
/** `connectionreference.x (CONNECTIONREFERENCE_X)`, or the name alone when they are the same. */
function deferredVariableText(variable) {
    return variable.environmentName === variable.name
        ? variable.name
        : `${variable.name} (${variable.environmentName})`;
}
/** The settings files a report was checked against, when there were several. */
function settingsFilesOf(report) {
    if (report.settingsFiles && report.settingsFiles.length > 1)
        return report.settingsFiles;
    const tagged = [
        ...new Set(report.findings.flatMap((f) => (f.settings === undefined ? [] : [f.settings]))),
    ];
    return tagged.length > 1 ? tagged.sort() : [];
}
function dependsOnSettings(finding) {
    if (finding.settings === undefined)
        return false;
    if (finding.ruleId === 'DS001')
        return true;
    return (0,_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findRule */ .Il)(finding.ruleId)?.meta.needsSettings ?? true;
}
/** Groups one solution's findings by settings file; `findings` keep their order in each group. */
function groupBySettings(findings, settingsFiles) {
    const common = [];
    const seen = new Set();
    const bySettings = new Map(settingsFiles.map((s) => [s, []]));
    for (const finding of findings) {
        if (dependsOnSettings(finding)) {
            let group = bySettings.get(finding.settings);
            if (!group)
                bySettings.set(finding.settings, (group = []));
            group.push(finding);
            continue;
        }
        const location = finding.location;
        const key = [
            finding.ruleId,
            finding.severity,
            finding.subject,
            finding.message,
            location?.file,
            location?.line,
        ].join('\0');
        if (seen.has(key))
            continue;
        seen.add(key);
        common.push(finding);
    }
    return {
        common,
        repeatedFor: settingsFiles.length,
        bySettings: [...bySettings].map(([settings, group]) => ({ settings, findings: group })),
    };
}
/**
 * The findings with those that do not depend on the settings file (rules that need none, which
 * the engine repeats for every file) listed once and without a file: for views that would
 * otherwise show the same finding on the same line once per environment (annotations, issues).
 */
function collapseRepeated(findings) {
    const seen = new Set();
    const out = [];
    for (const finding of findings) {
        if (finding.settings === undefined || dependsOnSettings(finding)) {
            out.push(finding);
            continue;
        }
        const key = [
            finding.solution,
            finding.ruleId,
            finding.severity,
            finding.subject,
            finding.message,
            finding.location?.file,
            finding.location?.line,
        ].join('\0');
        if (seen.has(key))
            continue;
        seen.add(key);
        const single = { ...finding };
        delete single.settings;
        out.push(single);
    }
    return out;
}
/**
 * Short column names for settings files: the path segments in which they differ
 * (`config/Prod/deploymentSettings.json`, `config/Test/…` → `Prod`, `Test`), else the paths.
 */
function settingsLabels(paths) {
    if (paths.length < 2)
        return [...paths];
    const split = paths.map((p) => p.split('/'));
    let prefix = 0;
    while (split.every((s) => s.length > prefix + 1 && s[prefix] === split[0][prefix]))
        prefix++;
    let suffix = 0;
    while (split.every((s) => s.length > prefix + suffix + 1 &&
        s[s.length - 1 - suffix] === split[0][split[0].length - 1 - suffix])) {
        suffix++;
    }
    const labels = split.map((s) => s.slice(prefix, s.length - suffix).join('/'));
    return new Set(labels).size === labels.length && labels.every((l) => l !== '')
        ? labels
        : [...paths];
}
/**
 * The state of one reference (or variable) against one settings file: the most severe finding
 * about it from the rules that read the settings, with their ids; an unusable file fails all.
 */
function matrixCell(findings, kind, name) {
    if (findings.some((f) => f.ruleId === 'DS001'))
        return { state: 'error', rules: ['DS001'] };
    const prefix = kind === 'reference' ? 'CR' : 'EV';
    const key = name.toLowerCase();
    const about = findings.filter((f) => f.ruleId.startsWith(prefix) && dependsOnSettings(f) && f.subject.toLowerCase() === key);
    if (about.length === 0)
        return { state: 'ok', rules: [] };
    const worst = bySeverity(about)[0].severity;
    const rules = [...new Set(about.filter((f) => f.severity === worst).map((f) => f.ruleId))].sort();
    return { state: worst, rules };
}
/** ` against 3 settings files`, when there were several; else empty. */
function againstText(report) {
    const files = settingsFilesOf(report);
    return files.length > 1 ? ` against ${plural(files.length, 'settings file')}` : '';
}
/** Says how the counts add up when findings in the solution repeat for every settings file. */
function perFileNote(report) {
    if (settingsFilesOf(report).length < 2)
        return '';
    const repeated = report.findings.some((f) => f.settings !== undefined &&
        f.ruleId !== 'DS001' &&
        (0,_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .findRule */ .Il)(f.ruleId)?.meta.needsSettings === false);
    return repeated ? ' (a finding in the solution counts once per settings file)' : '';
}
/**
 * Escapes text for a table cell: `|` would end the cell, `<`/`>`/`&` could open HTML, markdown
 * punctuation could start emphasis or links, and a newline would end the row.
 */
function escapeCell(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/\r\n|\r|\n/g, '<br>');
}


/***/ }),

/***/ 8265:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q3: () => (/* binding */ JsonSyntaxError),
  gz: () => (/* binding */ findMember),
  qF: () => (/* binding */ parseJson)
});

// UNUSED EXPORTS: MAX_JSON_DEPTH

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/impl/scanner.js
/*---------------------------------------------------------------------------------------------
 *  Copyright (c) Microsoft Corporation. All rights reserved.
 *  Licensed under the MIT License. See License.txt in the project root for license information.
 *--------------------------------------------------------------------------------------------*/

/**
 * Creates a JSON scanner on the given text.
 * If ignoreTrivia is set, whitespaces or comments are ignored.
 */
function scanner_createScanner(text, ignoreTrivia = false) {
    const len = text.length;
    let pos = 0, value = '', tokenOffset = 0, token = 16 /* SyntaxKind.Unknown */, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0 /* ScanError.None */;
    function scanHexDigits(count, exact) {
        let digits = 0;
        let value = 0;
        while (digits < count || !exact) {
            let ch = text.charCodeAt(pos);
            if (ch >= 48 /* CharacterCodes._0 */ && ch <= 57 /* CharacterCodes._9 */) {
                value = value * 16 + ch - 48 /* CharacterCodes._0 */;
            }
            else if (ch >= 65 /* CharacterCodes.A */ && ch <= 70 /* CharacterCodes.F */) {
                value = value * 16 + ch - 65 /* CharacterCodes.A */ + 10;
            }
            else if (ch >= 97 /* CharacterCodes.a */ && ch <= 102 /* CharacterCodes.f */) {
                value = value * 16 + ch - 97 /* CharacterCodes.a */ + 10;
            }
            else {
                break;
            }
            pos++;
            digits++;
        }
        if (digits < count) {
            value = -1;
        }
        return value;
    }
    function setPosition(newPosition) {
        pos = newPosition;
        value = '';
        tokenOffset = 0;
        token = 16 /* SyntaxKind.Unknown */;
        scanError = 0 /* ScanError.None */;
    }
    function scanNumber() {
        let start = pos;
        if (text.charCodeAt(pos) === 48 /* CharacterCodes._0 */) {
            pos++;
        }
        else {
            pos++;
            while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length && text.charCodeAt(pos) === 46 /* CharacterCodes.dot */) {
            pos++;
            if (pos < text.length && isDigit(text.charCodeAt(pos))) {
                pos++;
                while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                    pos++;
                }
            }
            else {
                scanError = 3 /* ScanError.UnexpectedEndOfNumber */;
                return text.substring(start, pos);
            }
        }
        let end = pos;
        if (pos < text.length && (text.charCodeAt(pos) === 69 /* CharacterCodes.E */ || text.charCodeAt(pos) === 101 /* CharacterCodes.e */)) {
            pos++;
            if (pos < text.length && text.charCodeAt(pos) === 43 /* CharacterCodes.plus */ || text.charCodeAt(pos) === 45 /* CharacterCodes.minus */) {
                pos++;
            }
            if (pos < text.length && isDigit(text.charCodeAt(pos))) {
                pos++;
                while (pos < text.length && isDigit(text.charCodeAt(pos))) {
                    pos++;
                }
                end = pos;
            }
            else {
                scanError = 3 /* ScanError.UnexpectedEndOfNumber */;
            }
        }
        return text.substring(start, end);
    }
    function scanString() {
        let result = '', start = pos;
        while (true) {
            if (pos >= len) {
                result += text.substring(start, pos);
                scanError = 2 /* ScanError.UnexpectedEndOfString */;
                break;
            }
            const ch = text.charCodeAt(pos);
            if (ch === 34 /* CharacterCodes.doubleQuote */) {
                result += text.substring(start, pos);
                pos++;
                break;
            }
            if (ch === 92 /* CharacterCodes.backslash */) {
                result += text.substring(start, pos);
                pos++;
                if (pos >= len) {
                    scanError = 2 /* ScanError.UnexpectedEndOfString */;
                    break;
                }
                const ch2 = text.charCodeAt(pos++);
                switch (ch2) {
                    case 34 /* CharacterCodes.doubleQuote */:
                        result += '\"';
                        break;
                    case 92 /* CharacterCodes.backslash */:
                        result += '\\';
                        break;
                    case 47 /* CharacterCodes.slash */:
                        result += '/';
                        break;
                    case 98 /* CharacterCodes.b */:
                        result += '\b';
                        break;
                    case 102 /* CharacterCodes.f */:
                        result += '\f';
                        break;
                    case 110 /* CharacterCodes.n */:
                        result += '\n';
                        break;
                    case 114 /* CharacterCodes.r */:
                        result += '\r';
                        break;
                    case 116 /* CharacterCodes.t */:
                        result += '\t';
                        break;
                    case 117 /* CharacterCodes.u */:
                        const ch3 = scanHexDigits(4, true);
                        if (ch3 >= 0) {
                            result += String.fromCharCode(ch3);
                        }
                        else {
                            scanError = 4 /* ScanError.InvalidUnicode */;
                        }
                        break;
                    default:
                        scanError = 5 /* ScanError.InvalidEscapeCharacter */;
                }
                start = pos;
                continue;
            }
            if (ch >= 0 && ch <= 0x1f) {
                if (isLineBreak(ch)) {
                    result += text.substring(start, pos);
                    scanError = 2 /* ScanError.UnexpectedEndOfString */;
                    break;
                }
                else {
                    scanError = 6 /* ScanError.InvalidCharacter */;
                    // mark as error but continue with string
                }
            }
            pos++;
        }
        return result;
    }
    function scanNext() {
        value = '';
        scanError = 0 /* ScanError.None */;
        tokenOffset = pos;
        lineStartOffset = lineNumber;
        prevTokenLineStartOffset = tokenLineStartOffset;
        if (pos >= len) {
            // at the end
            tokenOffset = len;
            return token = 17 /* SyntaxKind.EOF */;
        }
        let code = text.charCodeAt(pos);
        // trivia: whitespace
        if (isWhiteSpace(code)) {
            do {
                pos++;
                value += String.fromCharCode(code);
                code = text.charCodeAt(pos);
            } while (isWhiteSpace(code));
            return token = 15 /* SyntaxKind.Trivia */;
        }
        // trivia: newlines
        if (isLineBreak(code)) {
            pos++;
            value += String.fromCharCode(code);
            if (code === 13 /* CharacterCodes.carriageReturn */ && text.charCodeAt(pos) === 10 /* CharacterCodes.lineFeed */) {
                pos++;
                value += '\n';
            }
            lineNumber++;
            tokenLineStartOffset = pos;
            return token = 14 /* SyntaxKind.LineBreakTrivia */;
        }
        switch (code) {
            // tokens: []{}:,
            case 123 /* CharacterCodes.openBrace */:
                pos++;
                return token = 1 /* SyntaxKind.OpenBraceToken */;
            case 125 /* CharacterCodes.closeBrace */:
                pos++;
                return token = 2 /* SyntaxKind.CloseBraceToken */;
            case 91 /* CharacterCodes.openBracket */:
                pos++;
                return token = 3 /* SyntaxKind.OpenBracketToken */;
            case 93 /* CharacterCodes.closeBracket */:
                pos++;
                return token = 4 /* SyntaxKind.CloseBracketToken */;
            case 58 /* CharacterCodes.colon */:
                pos++;
                return token = 6 /* SyntaxKind.ColonToken */;
            case 44 /* CharacterCodes.comma */:
                pos++;
                return token = 5 /* SyntaxKind.CommaToken */;
            // strings
            case 34 /* CharacterCodes.doubleQuote */:
                pos++;
                value = scanString();
                return token = 10 /* SyntaxKind.StringLiteral */;
            // comments
            case 47 /* CharacterCodes.slash */:
                const start = pos - 1;
                // Single-line comment
                if (text.charCodeAt(pos + 1) === 47 /* CharacterCodes.slash */) {
                    pos += 2;
                    while (pos < len) {
                        if (isLineBreak(text.charCodeAt(pos))) {
                            break;
                        }
                        pos++;
                    }
                    value = text.substring(start, pos);
                    return token = 12 /* SyntaxKind.LineCommentTrivia */;
                }
                // Multi-line comment
                if (text.charCodeAt(pos + 1) === 42 /* CharacterCodes.asterisk */) {
                    pos += 2;
                    const safeLength = len - 1; // For lookahead.
                    let commentClosed = false;
                    while (pos < safeLength) {
                        const ch = text.charCodeAt(pos);
                        if (ch === 42 /* CharacterCodes.asterisk */ && text.charCodeAt(pos + 1) === 47 /* CharacterCodes.slash */) {
                            pos += 2;
                            commentClosed = true;
                            break;
                        }
                        pos++;
                        if (isLineBreak(ch)) {
                            if (ch === 13 /* CharacterCodes.carriageReturn */ && text.charCodeAt(pos) === 10 /* CharacterCodes.lineFeed */) {
                                pos++;
                            }
                            lineNumber++;
                            tokenLineStartOffset = pos;
                        }
                    }
                    if (!commentClosed) {
                        pos++;
                        scanError = 1 /* ScanError.UnexpectedEndOfComment */;
                    }
                    value = text.substring(start, pos);
                    return token = 13 /* SyntaxKind.BlockCommentTrivia */;
                }
                // just a single slash
                value += String.fromCharCode(code);
                pos++;
                return token = 16 /* SyntaxKind.Unknown */;
            // numbers
            case 45 /* CharacterCodes.minus */:
                value += String.fromCharCode(code);
                pos++;
                if (pos === len || !isDigit(text.charCodeAt(pos))) {
                    return token = 16 /* SyntaxKind.Unknown */;
                }
            // found a minus, followed by a number so
            // we fall through to proceed with scanning
            // numbers
            case 48 /* CharacterCodes._0 */:
            case 49 /* CharacterCodes._1 */:
            case 50 /* CharacterCodes._2 */:
            case 51 /* CharacterCodes._3 */:
            case 52 /* CharacterCodes._4 */:
            case 53 /* CharacterCodes._5 */:
            case 54 /* CharacterCodes._6 */:
            case 55 /* CharacterCodes._7 */:
            case 56 /* CharacterCodes._8 */:
            case 57 /* CharacterCodes._9 */:
                value += scanNumber();
                return token = 11 /* SyntaxKind.NumericLiteral */;
            // literals and unknown symbols
            default:
                // is a literal? Read the full word.
                while (pos < len && isUnknownContentCharacter(code)) {
                    pos++;
                    code = text.charCodeAt(pos);
                }
                if (tokenOffset !== pos) {
                    value = text.substring(tokenOffset, pos);
                    // keywords: true, false, null
                    switch (value) {
                        case 'true': return token = 8 /* SyntaxKind.TrueKeyword */;
                        case 'false': return token = 9 /* SyntaxKind.FalseKeyword */;
                        case 'null': return token = 7 /* SyntaxKind.NullKeyword */;
                    }
                    return token = 16 /* SyntaxKind.Unknown */;
                }
                // some
                value += String.fromCharCode(code);
                pos++;
                return token = 16 /* SyntaxKind.Unknown */;
        }
    }
    function isUnknownContentCharacter(code) {
        if (isWhiteSpace(code) || isLineBreak(code)) {
            return false;
        }
        switch (code) {
            case 125 /* CharacterCodes.closeBrace */:
            case 93 /* CharacterCodes.closeBracket */:
            case 123 /* CharacterCodes.openBrace */:
            case 91 /* CharacterCodes.openBracket */:
            case 34 /* CharacterCodes.doubleQuote */:
            case 58 /* CharacterCodes.colon */:
            case 44 /* CharacterCodes.comma */:
            case 47 /* CharacterCodes.slash */:
                return false;
        }
        return true;
    }
    function scanNextNonTrivia() {
        let result;
        do {
            result = scanNext();
        } while (result >= 12 /* SyntaxKind.LineCommentTrivia */ && result <= 15 /* SyntaxKind.Trivia */);
        return result;
    }
    return {
        setPosition: setPosition,
        getPosition: () => pos,
        scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
        getToken: () => token,
        getTokenValue: () => value,
        getTokenOffset: () => tokenOffset,
        getTokenLength: () => pos - tokenOffset,
        getTokenStartLine: () => lineStartOffset,
        getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
        getTokenError: () => scanError,
    };
}
function isWhiteSpace(ch) {
    return ch === 32 /* CharacterCodes.space */ || ch === 9 /* CharacterCodes.tab */;
}
function isLineBreak(ch) {
    return ch === 10 /* CharacterCodes.lineFeed */ || ch === 13 /* CharacterCodes.carriageReturn */;
}
function isDigit(ch) {
    return ch >= 48 /* CharacterCodes._0 */ && ch <= 57 /* CharacterCodes._9 */;
}
var CharacterCodes;
(function (CharacterCodes) {
    CharacterCodes[CharacterCodes["lineFeed"] = 10] = "lineFeed";
    CharacterCodes[CharacterCodes["carriageReturn"] = 13] = "carriageReturn";
    CharacterCodes[CharacterCodes["space"] = 32] = "space";
    CharacterCodes[CharacterCodes["_0"] = 48] = "_0";
    CharacterCodes[CharacterCodes["_1"] = 49] = "_1";
    CharacterCodes[CharacterCodes["_2"] = 50] = "_2";
    CharacterCodes[CharacterCodes["_3"] = 51] = "_3";
    CharacterCodes[CharacterCodes["_4"] = 52] = "_4";
    CharacterCodes[CharacterCodes["_5"] = 53] = "_5";
    CharacterCodes[CharacterCodes["_6"] = 54] = "_6";
    CharacterCodes[CharacterCodes["_7"] = 55] = "_7";
    CharacterCodes[CharacterCodes["_8"] = 56] = "_8";
    CharacterCodes[CharacterCodes["_9"] = 57] = "_9";
    CharacterCodes[CharacterCodes["a"] = 97] = "a";
    CharacterCodes[CharacterCodes["b"] = 98] = "b";
    CharacterCodes[CharacterCodes["c"] = 99] = "c";
    CharacterCodes[CharacterCodes["d"] = 100] = "d";
    CharacterCodes[CharacterCodes["e"] = 101] = "e";
    CharacterCodes[CharacterCodes["f"] = 102] = "f";
    CharacterCodes[CharacterCodes["g"] = 103] = "g";
    CharacterCodes[CharacterCodes["h"] = 104] = "h";
    CharacterCodes[CharacterCodes["i"] = 105] = "i";
    CharacterCodes[CharacterCodes["j"] = 106] = "j";
    CharacterCodes[CharacterCodes["k"] = 107] = "k";
    CharacterCodes[CharacterCodes["l"] = 108] = "l";
    CharacterCodes[CharacterCodes["m"] = 109] = "m";
    CharacterCodes[CharacterCodes["n"] = 110] = "n";
    CharacterCodes[CharacterCodes["o"] = 111] = "o";
    CharacterCodes[CharacterCodes["p"] = 112] = "p";
    CharacterCodes[CharacterCodes["q"] = 113] = "q";
    CharacterCodes[CharacterCodes["r"] = 114] = "r";
    CharacterCodes[CharacterCodes["s"] = 115] = "s";
    CharacterCodes[CharacterCodes["t"] = 116] = "t";
    CharacterCodes[CharacterCodes["u"] = 117] = "u";
    CharacterCodes[CharacterCodes["v"] = 118] = "v";
    CharacterCodes[CharacterCodes["w"] = 119] = "w";
    CharacterCodes[CharacterCodes["x"] = 120] = "x";
    CharacterCodes[CharacterCodes["y"] = 121] = "y";
    CharacterCodes[CharacterCodes["z"] = 122] = "z";
    CharacterCodes[CharacterCodes["A"] = 65] = "A";
    CharacterCodes[CharacterCodes["B"] = 66] = "B";
    CharacterCodes[CharacterCodes["C"] = 67] = "C";
    CharacterCodes[CharacterCodes["D"] = 68] = "D";
    CharacterCodes[CharacterCodes["E"] = 69] = "E";
    CharacterCodes[CharacterCodes["F"] = 70] = "F";
    CharacterCodes[CharacterCodes["G"] = 71] = "G";
    CharacterCodes[CharacterCodes["H"] = 72] = "H";
    CharacterCodes[CharacterCodes["I"] = 73] = "I";
    CharacterCodes[CharacterCodes["J"] = 74] = "J";
    CharacterCodes[CharacterCodes["K"] = 75] = "K";
    CharacterCodes[CharacterCodes["L"] = 76] = "L";
    CharacterCodes[CharacterCodes["M"] = 77] = "M";
    CharacterCodes[CharacterCodes["N"] = 78] = "N";
    CharacterCodes[CharacterCodes["O"] = 79] = "O";
    CharacterCodes[CharacterCodes["P"] = 80] = "P";
    CharacterCodes[CharacterCodes["Q"] = 81] = "Q";
    CharacterCodes[CharacterCodes["R"] = 82] = "R";
    CharacterCodes[CharacterCodes["S"] = 83] = "S";
    CharacterCodes[CharacterCodes["T"] = 84] = "T";
    CharacterCodes[CharacterCodes["U"] = 85] = "U";
    CharacterCodes[CharacterCodes["V"] = 86] = "V";
    CharacterCodes[CharacterCodes["W"] = 87] = "W";
    CharacterCodes[CharacterCodes["X"] = 88] = "X";
    CharacterCodes[CharacterCodes["Y"] = 89] = "Y";
    CharacterCodes[CharacterCodes["Z"] = 90] = "Z";
    CharacterCodes[CharacterCodes["asterisk"] = 42] = "asterisk";
    CharacterCodes[CharacterCodes["backslash"] = 92] = "backslash";
    CharacterCodes[CharacterCodes["closeBrace"] = 125] = "closeBrace";
    CharacterCodes[CharacterCodes["closeBracket"] = 93] = "closeBracket";
    CharacterCodes[CharacterCodes["colon"] = 58] = "colon";
    CharacterCodes[CharacterCodes["comma"] = 44] = "comma";
    CharacterCodes[CharacterCodes["dot"] = 46] = "dot";
    CharacterCodes[CharacterCodes["doubleQuote"] = 34] = "doubleQuote";
    CharacterCodes[CharacterCodes["minus"] = 45] = "minus";
    CharacterCodes[CharacterCodes["openBrace"] = 123] = "openBrace";
    CharacterCodes[CharacterCodes["openBracket"] = 91] = "openBracket";
    CharacterCodes[CharacterCodes["plus"] = 43] = "plus";
    CharacterCodes[CharacterCodes["slash"] = 47] = "slash";
    CharacterCodes[CharacterCodes["formFeed"] = 12] = "formFeed";
    CharacterCodes[CharacterCodes["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/impl/string-intern.js
const string_intern_cachedSpaces = new Array(20).fill(0).map((_, index) => {
    return ' '.repeat(index);
});
const maxCachedValues = 200;
const string_intern_cachedBreakLinesWithSpaces = {
    ' ': {
        '\n': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\n' + ' '.repeat(index);
        }),
        '\r': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\r' + ' '.repeat(index);
        }),
        '\r\n': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\r\n' + ' '.repeat(index);
        }),
    },
    '\t': {
        '\n': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\n' + '\t'.repeat(index);
        }),
        '\r': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\r' + '\t'.repeat(index);
        }),
        '\r\n': new Array(maxCachedValues).fill(0).map((_, index) => {
            return '\r\n' + '\t'.repeat(index);
        }),
    }
};
const string_intern_supportedEols = (/* unused pure expression or super */ null && (['\n', '\r', '\r\n']));

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/impl/format.js
/*---------------------------------------------------------------------------------------------
 *  Copyright (c) Microsoft Corporation. All rights reserved.
 *  Licensed under the MIT License. See License.txt in the project root for license information.
 *--------------------------------------------------------------------------------------------*/



function format_format(documentText, range, options) {
    let initialIndentLevel;
    let formatText;
    let formatTextStart;
    let rangeStart;
    let rangeEnd;
    if (range) {
        rangeStart = range.offset;
        rangeEnd = rangeStart + range.length;
        formatTextStart = rangeStart;
        while (formatTextStart > 0 && !format_isEOL(documentText, formatTextStart - 1)) {
            formatTextStart--;
        }
        let endOffset = rangeEnd;
        while (endOffset < documentText.length && !format_isEOL(documentText, endOffset)) {
            endOffset++;
        }
        formatText = documentText.substring(formatTextStart, endOffset);
        initialIndentLevel = computeIndentLevel(formatText, options);
    }
    else {
        formatText = documentText;
        initialIndentLevel = 0;
        formatTextStart = 0;
        rangeStart = 0;
        rangeEnd = documentText.length;
    }
    const eol = getEOL(options, documentText);
    const eolFastPathSupported = supportedEols.includes(eol);
    let numberLineBreaks = 0;
    let indentLevel = 0;
    let indentValue;
    if (options.insertSpaces) {
        indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
    }
    else {
        indentValue = '\t';
    }
    const indentType = indentValue === '\t' ? '\t' : ' ';
    let scanner = createScanner(formatText, false);
    let hasError = false;
    function newLinesAndIndent() {
        if (numberLineBreaks > 1) {
            return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
        }
        const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
        if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
            return eol + repeat(indentValue, initialIndentLevel + indentLevel);
        }
        if (amountOfSpaces <= 0) {
            return eol;
        }
        return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
    }
    function scanNext() {
        let token = scanner.scan();
        numberLineBreaks = 0;
        while (token === 15 /* SyntaxKind.Trivia */ || token === 14 /* SyntaxKind.LineBreakTrivia */) {
            if (token === 14 /* SyntaxKind.LineBreakTrivia */ && options.keepLines) {
                numberLineBreaks += 1;
            }
            else if (token === 14 /* SyntaxKind.LineBreakTrivia */) {
                numberLineBreaks = 1;
            }
            token = scanner.scan();
        }
        hasError = token === 16 /* SyntaxKind.Unknown */ || scanner.getTokenError() !== 0 /* ScanError.None */;
        return token;
    }
    const editOperations = [];
    function addEdit(text, startOffset, endOffset) {
        if (!hasError && (!range || (startOffset < rangeEnd && endOffset > rangeStart)) && documentText.substring(startOffset, endOffset) !== text) {
            editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
        }
    }
    let firstToken = scanNext();
    if (options.keepLines && numberLineBreaks > 0) {
        addEdit(repeat(eol, numberLineBreaks), 0, 0);
    }
    if (firstToken !== 17 /* SyntaxKind.EOF */) {
        let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
        let initialIndent = (indentValue.length * initialIndentLevel < 20) && options.insertSpaces
            ? cachedSpaces[indentValue.length * initialIndentLevel]
            : repeat(indentValue, initialIndentLevel);
        addEdit(initialIndent, formatTextStart, firstTokenStart);
    }
    while (firstToken !== 17 /* SyntaxKind.EOF */) {
        let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
        let secondToken = scanNext();
        let replaceContent = '';
        let needsLineBreak = false;
        while (numberLineBreaks === 0 && (secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */)) {
            let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
            addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
            firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
            needsLineBreak = secondToken === 12 /* SyntaxKind.LineCommentTrivia */;
            replaceContent = needsLineBreak ? newLinesAndIndent() : '';
            secondToken = scanNext();
        }
        if (secondToken === 2 /* SyntaxKind.CloseBraceToken */) {
            if (firstToken !== 1 /* SyntaxKind.OpenBraceToken */) {
                indentLevel--;
            }
            ;
            if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1 /* SyntaxKind.OpenBraceToken */) {
                replaceContent = newLinesAndIndent();
            }
            else if (options.keepLines) {
                replaceContent = cachedSpaces[1];
            }
        }
        else if (secondToken === 4 /* SyntaxKind.CloseBracketToken */) {
            if (firstToken !== 3 /* SyntaxKind.OpenBracketToken */) {
                indentLevel--;
            }
            ;
            if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3 /* SyntaxKind.OpenBracketToken */) {
                replaceContent = newLinesAndIndent();
            }
            else if (options.keepLines) {
                replaceContent = cachedSpaces[1];
            }
        }
        else {
            switch (firstToken) {
                case 3 /* SyntaxKind.OpenBracketToken */:
                case 1 /* SyntaxKind.OpenBraceToken */:
                    indentLevel++;
                    if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
                        replaceContent = newLinesAndIndent();
                    }
                    else {
                        replaceContent = cachedSpaces[1];
                    }
                    break;
                case 5 /* SyntaxKind.CommaToken */:
                    if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
                        replaceContent = newLinesAndIndent();
                    }
                    else {
                        replaceContent = cachedSpaces[1];
                    }
                    break;
                case 12 /* SyntaxKind.LineCommentTrivia */:
                    replaceContent = newLinesAndIndent();
                    break;
                case 13 /* SyntaxKind.BlockCommentTrivia */:
                    if (numberLineBreaks > 0) {
                        replaceContent = newLinesAndIndent();
                    }
                    else if (!needsLineBreak) {
                        replaceContent = cachedSpaces[1];
                    }
                    break;
                case 6 /* SyntaxKind.ColonToken */:
                    if (options.keepLines && numberLineBreaks > 0) {
                        replaceContent = newLinesAndIndent();
                    }
                    else if (!needsLineBreak) {
                        replaceContent = cachedSpaces[1];
                    }
                    break;
                case 10 /* SyntaxKind.StringLiteral */:
                    if (options.keepLines && numberLineBreaks > 0) {
                        replaceContent = newLinesAndIndent();
                    }
                    else if (secondToken === 6 /* SyntaxKind.ColonToken */ && !needsLineBreak) {
                        replaceContent = '';
                    }
                    break;
                case 7 /* SyntaxKind.NullKeyword */:
                case 8 /* SyntaxKind.TrueKeyword */:
                case 9 /* SyntaxKind.FalseKeyword */:
                case 11 /* SyntaxKind.NumericLiteral */:
                case 2 /* SyntaxKind.CloseBraceToken */:
                case 4 /* SyntaxKind.CloseBracketToken */:
                    if (options.keepLines && numberLineBreaks > 0) {
                        replaceContent = newLinesAndIndent();
                    }
                    else {
                        if ((secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */) && !needsLineBreak) {
                            replaceContent = cachedSpaces[1];
                        }
                        else if (secondToken !== 5 /* SyntaxKind.CommaToken */ && secondToken !== 17 /* SyntaxKind.EOF */) {
                            hasError = true;
                        }
                    }
                    break;
                case 16 /* SyntaxKind.Unknown */:
                    hasError = true;
                    break;
            }
            if (numberLineBreaks > 0 && (secondToken === 12 /* SyntaxKind.LineCommentTrivia */ || secondToken === 13 /* SyntaxKind.BlockCommentTrivia */)) {
                replaceContent = newLinesAndIndent();
            }
        }
        if (secondToken === 17 /* SyntaxKind.EOF */) {
            if (options.keepLines && numberLineBreaks > 0) {
                replaceContent = newLinesAndIndent();
            }
            else {
                replaceContent = options.insertFinalNewline ? eol : '';
            }
        }
        const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
        addEdit(replaceContent, firstTokenEnd, secondTokenStart);
        firstToken = secondToken;
    }
    return editOperations;
}
function repeat(s, count) {
    let result = '';
    for (let i = 0; i < count; i++) {
        result += s;
    }
    return result;
}
function computeIndentLevel(content, options) {
    let i = 0;
    let nChars = 0;
    const tabSize = options.tabSize || 4;
    while (i < content.length) {
        let ch = content.charAt(i);
        if (ch === cachedSpaces[1]) {
            nChars++;
        }
        else if (ch === '\t') {
            nChars += tabSize;
        }
        else {
            break;
        }
        i++;
    }
    return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
    for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i);
        if (ch === '\r') {
            if (i + 1 < text.length && text.charAt(i + 1) === '\n') {
                return '\r\n';
            }
            return '\r';
        }
        else if (ch === '\n') {
            return '\n';
        }
    }
    return (options && options.eol) || '\n';
}
function format_isEOL(text, offset) {
    return '\r\n'.indexOf(text.charAt(offset)) !== -1;
}

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/impl/parser.js
/*---------------------------------------------------------------------------------------------
 *  Copyright (c) Microsoft Corporation. All rights reserved.
 *  Licensed under the MIT License. See License.txt in the project root for license information.
 *--------------------------------------------------------------------------------------------*/


var ParseOptions;
(function (ParseOptions) {
    ParseOptions.DEFAULT = {
        allowTrailingComma: false
    };
})(ParseOptions || (ParseOptions = {}));
/**
 * For a given offset, evaluate the location in the JSON document. Each segment in the location path is either a property name or an array index.
 */
function getLocation(text, position) {
    const segments = []; // strings or numbers
    const earlyReturnException = new Object();
    let previousNode = undefined;
    const previousNodeInst = {
        value: {},
        offset: 0,
        length: 0,
        type: 'object',
        parent: undefined
    };
    let isAtPropertyKey = false;
    function setPreviousNode(value, offset, length, type) {
        previousNodeInst.value = value;
        previousNodeInst.offset = offset;
        previousNodeInst.length = length;
        previousNodeInst.type = type;
        previousNodeInst.colonOffset = undefined;
        previousNode = previousNodeInst;
    }
    try {
        visit(text, {
            onObjectBegin: (offset, length) => {
                if (position <= offset) {
                    throw earlyReturnException;
                }
                previousNode = undefined;
                isAtPropertyKey = position > offset;
                segments.push(''); // push a placeholder (will be replaced)
            },
            onObjectProperty: (name, offset, length) => {
                if (position < offset) {
                    throw earlyReturnException;
                }
                setPreviousNode(name, offset, length, 'property');
                segments[segments.length - 1] = name;
                if (position <= offset + length) {
                    throw earlyReturnException;
                }
            },
            onObjectEnd: (offset, length) => {
                if (position <= offset) {
                    throw earlyReturnException;
                }
                previousNode = undefined;
                segments.pop();
            },
            onArrayBegin: (offset, length) => {
                if (position <= offset) {
                    throw earlyReturnException;
                }
                previousNode = undefined;
                segments.push(0);
            },
            onArrayEnd: (offset, length) => {
                if (position <= offset) {
                    throw earlyReturnException;
                }
                previousNode = undefined;
                segments.pop();
            },
            onLiteralValue: (value, offset, length) => {
                if (position < offset) {
                    throw earlyReturnException;
                }
                setPreviousNode(value, offset, length, getNodeType(value));
                if (position <= offset + length) {
                    throw earlyReturnException;
                }
            },
            onSeparator: (sep, offset, length) => {
                if (position <= offset) {
                    throw earlyReturnException;
                }
                if (sep === ':' && previousNode && previousNode.type === 'property') {
                    previousNode.colonOffset = offset;
                    isAtPropertyKey = false;
                    previousNode = undefined;
                }
                else if (sep === ',') {
                    const last = segments[segments.length - 1];
                    if (typeof last === 'number') {
                        segments[segments.length - 1] = last + 1;
                    }
                    else {
                        isAtPropertyKey = true;
                        segments[segments.length - 1] = '';
                    }
                    previousNode = undefined;
                }
            }
        });
    }
    catch (e) {
        if (e !== earlyReturnException) {
            throw e;
        }
    }
    return {
        path: segments,
        previousNode,
        isAtPropertyKey,
        matches: (pattern) => {
            let k = 0;
            for (let i = 0; k < pattern.length && i < segments.length; i++) {
                if (pattern[k] === segments[i] || pattern[k] === '*') {
                    k++;
                }
                else if (pattern[k] !== '**') {
                    return false;
                }
            }
            return k === pattern.length;
        }
    };
}
/**
 * Parses the given text and returns the object the JSON content represents. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
 * Therefore always check the errors list to find out if the input was valid.
 */
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
    let currentProperty = null;
    let currentParent = [];
    const previousParents = [];
    function onValue(value) {
        if (Array.isArray(currentParent)) {
            currentParent.push(value);
        }
        else if (currentProperty !== null) {
            currentParent[currentProperty] = value;
        }
    }
    const visitor = {
        onObjectBegin: () => {
            const object = {};
            onValue(object);
            previousParents.push(currentParent);
            currentParent = object;
            currentProperty = null;
        },
        onObjectProperty: (name) => {
            currentProperty = name;
        },
        onObjectEnd: () => {
            currentParent = previousParents.pop();
        },
        onArrayBegin: () => {
            const array = [];
            onValue(array);
            previousParents.push(currentParent);
            currentParent = array;
            currentProperty = null;
        },
        onArrayEnd: () => {
            currentParent = previousParents.pop();
        },
        onLiteralValue: onValue,
        onError: (error, offset, length) => {
            errors.push({ error, offset, length });
        }
    };
    visit(text, visitor, options);
    return currentParent[0];
}
/**
 * Parses the given text and returns a tree representation the JSON content. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
 */
function parser_parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
    let currentParent = { type: 'array', offset: -1, length: -1, children: [], parent: undefined }; // artificial root
    function ensurePropertyComplete(endOffset) {
        if (currentParent.type === 'property') {
            currentParent.length = endOffset - currentParent.offset;
            currentParent = currentParent.parent;
        }
    }
    function onValue(valueNode) {
        currentParent.children.push(valueNode);
        return valueNode;
    }
    const visitor = {
        onObjectBegin: (offset) => {
            currentParent = onValue({ type: 'object', offset, length: -1, parent: currentParent, children: [] });
        },
        onObjectProperty: (name, offset, length) => {
            currentParent = onValue({ type: 'property', offset, length: -1, parent: currentParent, children: [] });
            currentParent.children.push({ type: 'string', value: name, offset, length, parent: currentParent });
        },
        onObjectEnd: (offset, length) => {
            ensurePropertyComplete(offset + length); // in case of a missing value for a property: make sure property is complete
            currentParent.length = offset + length - currentParent.offset;
            currentParent = currentParent.parent;
            ensurePropertyComplete(offset + length);
        },
        onArrayBegin: (offset, length) => {
            currentParent = onValue({ type: 'array', offset, length: -1, parent: currentParent, children: [] });
        },
        onArrayEnd: (offset, length) => {
            currentParent.length = offset + length - currentParent.offset;
            currentParent = currentParent.parent;
            ensurePropertyComplete(offset + length);
        },
        onLiteralValue: (value, offset, length) => {
            onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
            ensurePropertyComplete(offset + length);
        },
        onSeparator: (sep, offset, length) => {
            if (currentParent.type === 'property') {
                if (sep === ':') {
                    currentParent.colonOffset = offset;
                }
                else if (sep === ',') {
                    ensurePropertyComplete(offset);
                }
            }
        },
        onError: (error, offset, length) => {
            errors.push({ error, offset, length });
        }
    };
    visit(text, visitor, options);
    const result = currentParent.children[0];
    if (result) {
        delete result.parent;
    }
    return result;
}
/**
 * Finds the node at the given path in a JSON DOM.
 */
function parser_findNodeAtLocation(root, path) {
    if (!root) {
        return undefined;
    }
    let node = root;
    for (let segment of path) {
        if (typeof segment === 'string') {
            if (node.type !== 'object' || !Array.isArray(node.children)) {
                return undefined;
            }
            let found = false;
            for (const propertyNode of node.children) {
                if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
                    node = propertyNode.children[1];
                    found = true;
                    break;
                }
            }
            if (!found) {
                return undefined;
            }
        }
        else {
            const index = segment;
            if (node.type !== 'array' || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
                return undefined;
            }
            node = node.children[index];
        }
    }
    return node;
}
/**
 * Gets the JSON path of the given JSON DOM node
 */
function getNodePath(node) {
    if (!node.parent || !node.parent.children) {
        return [];
    }
    const path = getNodePath(node.parent);
    if (node.parent.type === 'property') {
        const key = node.parent.children[0].value;
        path.push(key);
    }
    else if (node.parent.type === 'array') {
        const index = node.parent.children.indexOf(node);
        if (index !== -1) {
            path.push(index);
        }
    }
    return path;
}
/**
 * Evaluates the JavaScript object of the given JSON DOM node
 */
function getNodeValue(node) {
    switch (node.type) {
        case 'array':
            return node.children.map(getNodeValue);
        case 'object':
            const obj = Object.create(null);
            for (let prop of node.children) {
                const valueNode = prop.children[1];
                if (valueNode) {
                    obj[prop.children[0].value] = getNodeValue(valueNode);
                }
            }
            return obj;
        case 'null':
        case 'string':
        case 'number':
        case 'boolean':
            return node.value;
        default:
            return undefined;
    }
}
function contains(node, offset, includeRightBound = false) {
    return (offset >= node.offset && offset < (node.offset + node.length)) || includeRightBound && (offset === (node.offset + node.length));
}
/**
 * Finds the most inner node at the given offset. If includeRightBound is set, also finds nodes that end at the given offset.
 */
function findNodeAtOffset(node, offset, includeRightBound = false) {
    if (contains(node, offset, includeRightBound)) {
        const children = node.children;
        if (Array.isArray(children)) {
            for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
                const item = findNodeAtOffset(children[i], offset, includeRightBound);
                if (item) {
                    return item;
                }
            }
        }
        return node;
    }
    return undefined;
}
/**
 * Parses the given text and invokes the visitor functions for each object, array and literal reached.
 */
function visit(text, visitor, options = ParseOptions.DEFAULT) {
    const _scanner = scanner_createScanner(text, false);
    // Important: Only pass copies of this to visitor functions to prevent accidental modification, and
    // to not affect visitor functions which stored a reference to a previous JSONPath
    const _jsonPath = [];
    // Depth of onXXXBegin() callbacks suppressed. onXXXEnd() decrements this if it isn't 0 already.
    // Callbacks are only called when this value is 0.
    let suppressedCallbacks = 0;
    function toNoArgVisit(visitFunction) {
        return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
    }
    function toOneArgVisit(visitFunction) {
        return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
    }
    function toOneArgVisitWithPath(visitFunction) {
        return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
    }
    function toBeginVisit(visitFunction) {
        return visitFunction ?
            () => {
                if (suppressedCallbacks > 0) {
                    suppressedCallbacks++;
                }
                else {
                    let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
                    if (cbReturn === false) {
                        suppressedCallbacks = 1;
                    }
                }
            }
            : () => true;
    }
    function toEndVisit(visitFunction) {
        return visitFunction ?
            () => {
                if (suppressedCallbacks > 0) {
                    suppressedCallbacks--;
                }
                if (suppressedCallbacks === 0) {
                    visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
                }
            }
            : () => true;
    }
    const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
    const disallowComments = options && options.disallowComments;
    const allowTrailingComma = options && options.allowTrailingComma;
    function scanNext() {
        while (true) {
            const token = _scanner.scan();
            switch (_scanner.getTokenError()) {
                case 4 /* ScanError.InvalidUnicode */:
                    handleError(14 /* ParseErrorCode.InvalidUnicode */);
                    break;
                case 5 /* ScanError.InvalidEscapeCharacter */:
                    handleError(15 /* ParseErrorCode.InvalidEscapeCharacter */);
                    break;
                case 3 /* ScanError.UnexpectedEndOfNumber */:
                    handleError(13 /* ParseErrorCode.UnexpectedEndOfNumber */);
                    break;
                case 1 /* ScanError.UnexpectedEndOfComment */:
                    if (!disallowComments) {
                        handleError(11 /* ParseErrorCode.UnexpectedEndOfComment */);
                    }
                    break;
                case 2 /* ScanError.UnexpectedEndOfString */:
                    handleError(12 /* ParseErrorCode.UnexpectedEndOfString */);
                    break;
                case 6 /* ScanError.InvalidCharacter */:
                    handleError(16 /* ParseErrorCode.InvalidCharacter */);
                    break;
            }
            switch (token) {
                case 12 /* SyntaxKind.LineCommentTrivia */:
                case 13 /* SyntaxKind.BlockCommentTrivia */:
                    if (disallowComments) {
                        handleError(10 /* ParseErrorCode.InvalidCommentToken */);
                    }
                    else {
                        onComment();
                    }
                    break;
                case 16 /* SyntaxKind.Unknown */:
                    handleError(1 /* ParseErrorCode.InvalidSymbol */);
                    break;
                case 15 /* SyntaxKind.Trivia */:
                case 14 /* SyntaxKind.LineBreakTrivia */:
                    break;
                default:
                    return token;
            }
        }
    }
    function handleError(error, skipUntilAfter = [], skipUntil = []) {
        onError(error);
        if (skipUntilAfter.length + skipUntil.length > 0) {
            let token = _scanner.getToken();
            while (token !== 17 /* SyntaxKind.EOF */) {
                if (skipUntilAfter.indexOf(token) !== -1) {
                    scanNext();
                    break;
                }
                else if (skipUntil.indexOf(token) !== -1) {
                    break;
                }
                token = scanNext();
            }
        }
    }
    function parseString(isValue) {
        const value = _scanner.getTokenValue();
        if (isValue) {
            onLiteralValue(value);
        }
        else {
            onObjectProperty(value);
            // add property name afterwards
            _jsonPath.push(value);
        }
        scanNext();
        return true;
    }
    function parseLiteral() {
        switch (_scanner.getToken()) {
            case 11 /* SyntaxKind.NumericLiteral */:
                const tokenValue = _scanner.getTokenValue();
                let value = Number(tokenValue);
                if (isNaN(value)) {
                    handleError(2 /* ParseErrorCode.InvalidNumberFormat */);
                    value = 0;
                }
                onLiteralValue(value);
                break;
            case 7 /* SyntaxKind.NullKeyword */:
                onLiteralValue(null);
                break;
            case 8 /* SyntaxKind.TrueKeyword */:
                onLiteralValue(true);
                break;
            case 9 /* SyntaxKind.FalseKeyword */:
                onLiteralValue(false);
                break;
            default:
                return false;
        }
        scanNext();
        return true;
    }
    function parseProperty() {
        if (_scanner.getToken() !== 10 /* SyntaxKind.StringLiteral */) {
            handleError(3 /* ParseErrorCode.PropertyNameExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
            return false;
        }
        parseString(false);
        if (_scanner.getToken() === 6 /* SyntaxKind.ColonToken */) {
            onSeparator(':');
            scanNext(); // consume colon
            if (!parseValue()) {
                handleError(4 /* ParseErrorCode.ValueExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
            }
        }
        else {
            handleError(5 /* ParseErrorCode.ColonExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
        }
        _jsonPath.pop(); // remove processed property name
        return true;
    }
    function parseObject() {
        onObjectBegin();
        scanNext(); // consume open brace
        let needsComma = false;
        while (_scanner.getToken() !== 2 /* SyntaxKind.CloseBraceToken */ && _scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
            if (_scanner.getToken() === 5 /* SyntaxKind.CommaToken */) {
                if (!needsComma) {
                    handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
                }
                onSeparator(',');
                scanNext(); // consume comma
                if (_scanner.getToken() === 2 /* SyntaxKind.CloseBraceToken */ && allowTrailingComma) {
                    break;
                }
            }
            else if (needsComma) {
                handleError(6 /* ParseErrorCode.CommaExpected */, [], []);
            }
            if (!parseProperty()) {
                handleError(4 /* ParseErrorCode.ValueExpected */, [], [2 /* SyntaxKind.CloseBraceToken */, 5 /* SyntaxKind.CommaToken */]);
            }
            needsComma = true;
        }
        onObjectEnd();
        if (_scanner.getToken() !== 2 /* SyntaxKind.CloseBraceToken */) {
            handleError(7 /* ParseErrorCode.CloseBraceExpected */, [2 /* SyntaxKind.CloseBraceToken */], []);
        }
        else {
            scanNext(); // consume close brace
        }
        return true;
    }
    function parseArray() {
        onArrayBegin();
        scanNext(); // consume open bracket
        let isFirstElement = true;
        let needsComma = false;
        while (_scanner.getToken() !== 4 /* SyntaxKind.CloseBracketToken */ && _scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
            if (_scanner.getToken() === 5 /* SyntaxKind.CommaToken */) {
                if (!needsComma) {
                    handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
                }
                onSeparator(',');
                scanNext(); // consume comma
                if (_scanner.getToken() === 4 /* SyntaxKind.CloseBracketToken */ && allowTrailingComma) {
                    break;
                }
            }
            else if (needsComma) {
                handleError(6 /* ParseErrorCode.CommaExpected */, [], []);
            }
            if (isFirstElement) {
                _jsonPath.push(0);
                isFirstElement = false;
            }
            else {
                _jsonPath[_jsonPath.length - 1]++;
            }
            if (!parseValue()) {
                handleError(4 /* ParseErrorCode.ValueExpected */, [], [4 /* SyntaxKind.CloseBracketToken */, 5 /* SyntaxKind.CommaToken */]);
            }
            needsComma = true;
        }
        onArrayEnd();
        if (!isFirstElement) {
            _jsonPath.pop(); // remove array index
        }
        if (_scanner.getToken() !== 4 /* SyntaxKind.CloseBracketToken */) {
            handleError(8 /* ParseErrorCode.CloseBracketExpected */, [4 /* SyntaxKind.CloseBracketToken */], []);
        }
        else {
            scanNext(); // consume close bracket
        }
        return true;
    }
    function parseValue() {
        switch (_scanner.getToken()) {
            case 3 /* SyntaxKind.OpenBracketToken */:
                return parseArray();
            case 1 /* SyntaxKind.OpenBraceToken */:
                return parseObject();
            case 10 /* SyntaxKind.StringLiteral */:
                return parseString(true);
            default:
                return parseLiteral();
        }
    }
    scanNext();
    if (_scanner.getToken() === 17 /* SyntaxKind.EOF */) {
        if (options.allowEmptyContent) {
            return true;
        }
        handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
        return false;
    }
    if (!parseValue()) {
        handleError(4 /* ParseErrorCode.ValueExpected */, [], []);
        return false;
    }
    if (_scanner.getToken() !== 17 /* SyntaxKind.EOF */) {
        handleError(9 /* ParseErrorCode.EndOfFileExpected */, [], []);
    }
    return true;
}
/**
 * Takes JSON with JavaScript-style comments and remove
 * them. Optionally replaces every none-newline character
 * of comments with a replaceCharacter
 */
function stripComments(text, replaceCh) {
    let _scanner = scanner_createScanner(text), parts = [], kind, offset = 0, pos;
    do {
        pos = _scanner.getPosition();
        kind = _scanner.scan();
        switch (kind) {
            case 12 /* SyntaxKind.LineCommentTrivia */:
            case 13 /* SyntaxKind.BlockCommentTrivia */:
            case 17 /* SyntaxKind.EOF */:
                if (offset !== pos) {
                    parts.push(text.substring(offset, pos));
                }
                if (replaceCh !== undefined) {
                    parts.push(_scanner.getTokenValue().replace(/[^\r\n]/g, replaceCh));
                }
                offset = _scanner.getPosition();
                break;
        }
    } while (kind !== 17 /* SyntaxKind.EOF */);
    return parts.join('');
}
function getNodeType(value) {
    switch (typeof value) {
        case 'boolean': return 'boolean';
        case 'number': return 'number';
        case 'string': return 'string';
        case 'object': {
            if (!value) {
                return 'null';
            }
            else if (Array.isArray(value)) {
                return 'array';
            }
            return 'object';
        }
        default: return 'null';
    }
}

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/impl/edit.js
/*---------------------------------------------------------------------------------------------
 *  Copyright (c) Microsoft Corporation. All rights reserved.
 *  Licensed under the MIT License. See License.txt in the project root for license information.
 *--------------------------------------------------------------------------------------------*/



function removeProperty(text, path, options) {
    return setProperty(text, path, void 0, options);
}
function setProperty(text, originalPath, value, options) {
    const path = originalPath.slice();
    const errors = [];
    const root = parseTree(text, errors);
    let parent = void 0;
    let lastSegment = void 0;
    while (path.length > 0) {
        lastSegment = path.pop();
        parent = findNodeAtLocation(root, path);
        if (parent === void 0 && value !== void 0) {
            if (typeof lastSegment === 'string') {
                value = { [lastSegment]: value };
            }
            else {
                value = [value];
            }
        }
        else {
            break;
        }
    }
    if (!parent) {
        // empty document
        if (value === void 0) { // delete
            throw new Error('Can not delete in empty document');
        }
        return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
    }
    else if (parent.type === 'object' && typeof lastSegment === 'string' && Array.isArray(parent.children)) {
        const existing = findNodeAtLocation(parent, [lastSegment]);
        if (existing !== void 0) {
            if (value === void 0) { // delete
                if (!existing.parent) {
                    throw new Error('Malformed AST');
                }
                const propertyIndex = parent.children.indexOf(existing.parent);
                let removeBegin;
                let removeEnd = existing.parent.offset + existing.parent.length;
                if (propertyIndex > 0) {
                    // remove the comma of the previous node
                    let previous = parent.children[propertyIndex - 1];
                    removeBegin = previous.offset + previous.length;
                }
                else {
                    removeBegin = parent.offset + 1;
                    if (parent.children.length > 1) {
                        // remove the comma of the next node
                        let next = parent.children[1];
                        removeEnd = next.offset;
                    }
                }
                return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: '' }, options);
            }
            else {
                // set value of existing property
                return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
            }
        }
        else {
            if (value === void 0) { // delete
                return []; // property does not exist, nothing to do
            }
            const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
            const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map(p => p.children[0].value)) : parent.children.length;
            let edit;
            if (index > 0) {
                let previous = parent.children[index - 1];
                edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
            }
            else if (parent.children.length === 0) {
                edit = { offset: parent.offset + 1, length: 0, content: newProperty };
            }
            else {
                edit = { offset: parent.offset + 1, length: 0, content: newProperty + ',' };
            }
            return withFormatting(text, edit, options);
        }
    }
    else if (parent.type === 'array' && typeof lastSegment === 'number' && Array.isArray(parent.children)) {
        const insertIndex = lastSegment;
        if (insertIndex === -1) {
            // Insert
            const newProperty = `${JSON.stringify(value)}`;
            let edit;
            if (parent.children.length === 0) {
                edit = { offset: parent.offset + 1, length: 0, content: newProperty };
            }
            else {
                const previous = parent.children[parent.children.length - 1];
                edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
            }
            return withFormatting(text, edit, options);
        }
        else if (value === void 0 && parent.children.length >= 0) {
            // Removal
            const removalIndex = lastSegment;
            const toRemove = parent.children[removalIndex];
            let edit;
            if (parent.children.length === 1) {
                // only item
                edit = { offset: parent.offset + 1, length: parent.length - 2, content: '' };
            }
            else if (parent.children.length - 1 === removalIndex) {
                // last item
                let previous = parent.children[removalIndex - 1];
                let offset = previous.offset + previous.length;
                let parentEndOffset = parent.offset + parent.length;
                edit = { offset, length: parentEndOffset - 2 - offset, content: '' };
            }
            else {
                edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: '' };
            }
            return withFormatting(text, edit, options);
        }
        else if (value !== void 0) {
            let edit;
            const newProperty = `${JSON.stringify(value)}`;
            if (!options.isArrayInsertion && parent.children.length > lastSegment) {
                const toModify = parent.children[lastSegment];
                edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
            }
            else if (parent.children.length === 0 || lastSegment === 0) {
                edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + ',' };
            }
            else {
                const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
                const previous = parent.children[index - 1];
                edit = { offset: previous.offset + previous.length, length: 0, content: ',' + newProperty };
            }
            return withFormatting(text, edit, options);
        }
        else {
            throw new Error(`Can not ${value === void 0 ? 'remove' : (options.isArrayInsertion ? 'insert' : 'modify')} Array index ${insertIndex} as length is not sufficient`);
        }
    }
    else {
        throw new Error(`Can not add ${typeof lastSegment !== 'number' ? 'index' : 'property'} to parent of type ${parent.type}`);
    }
}
function withFormatting(text, edit, options) {
    if (!options.formattingOptions) {
        return [edit];
    }
    // apply the edit
    let newText = applyEdit(text, edit);
    // format the new text
    let begin = edit.offset;
    let end = edit.offset + edit.content.length;
    if (edit.length === 0 || edit.content.length === 0) { // insert or remove
        while (begin > 0 && !isEOL(newText, begin - 1)) {
            begin--;
        }
        while (end < newText.length && !isEOL(newText, end)) {
            end++;
        }
    }
    const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
    // apply the formatting edits and track the begin and end offsets of the changes
    for (let i = edits.length - 1; i >= 0; i--) {
        const edit = edits[i];
        newText = applyEdit(newText, edit);
        begin = Math.min(begin, edit.offset);
        end = Math.max(end, edit.offset + edit.length);
        end += edit.content.length - edit.length;
    }
    // create a single edit with all changes
    const editLength = text.length - (newText.length - end) - begin;
    return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit) {
    return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}
function isWS(text, offset) {
    return '\r\n \t'.indexOf(text.charAt(offset)) !== -1;
}

;// CONCATENATED MODULE: ./node_modules/jsonc-parser/lib/esm/main.js
/*---------------------------------------------------------------------------------------------
 *  Copyright (c) Microsoft Corporation. All rights reserved.
 *  Licensed under the MIT License. See License.txt in the project root for license information.
 *--------------------------------------------------------------------------------------------*/





/**
 * Creates a JSON scanner on the given text.
 * If ignoreTrivia is set, whitespaces or comments are ignored.
 */
const main_createScanner = scanner_createScanner;
var ScanError;
(function (ScanError) {
    ScanError[ScanError["None"] = 0] = "None";
    ScanError[ScanError["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
    ScanError[ScanError["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
    ScanError[ScanError["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
    ScanError[ScanError["InvalidUnicode"] = 4] = "InvalidUnicode";
    ScanError[ScanError["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
    ScanError[ScanError["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function (SyntaxKind) {
    SyntaxKind[SyntaxKind["OpenBraceToken"] = 1] = "OpenBraceToken";
    SyntaxKind[SyntaxKind["CloseBraceToken"] = 2] = "CloseBraceToken";
    SyntaxKind[SyntaxKind["OpenBracketToken"] = 3] = "OpenBracketToken";
    SyntaxKind[SyntaxKind["CloseBracketToken"] = 4] = "CloseBracketToken";
    SyntaxKind[SyntaxKind["CommaToken"] = 5] = "CommaToken";
    SyntaxKind[SyntaxKind["ColonToken"] = 6] = "ColonToken";
    SyntaxKind[SyntaxKind["NullKeyword"] = 7] = "NullKeyword";
    SyntaxKind[SyntaxKind["TrueKeyword"] = 8] = "TrueKeyword";
    SyntaxKind[SyntaxKind["FalseKeyword"] = 9] = "FalseKeyword";
    SyntaxKind[SyntaxKind["StringLiteral"] = 10] = "StringLiteral";
    SyntaxKind[SyntaxKind["NumericLiteral"] = 11] = "NumericLiteral";
    SyntaxKind[SyntaxKind["LineCommentTrivia"] = 12] = "LineCommentTrivia";
    SyntaxKind[SyntaxKind["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
    SyntaxKind[SyntaxKind["LineBreakTrivia"] = 14] = "LineBreakTrivia";
    SyntaxKind[SyntaxKind["Trivia"] = 15] = "Trivia";
    SyntaxKind[SyntaxKind["Unknown"] = 16] = "Unknown";
    SyntaxKind[SyntaxKind["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
/**
 * For a given offset, evaluate the location in the JSON document. Each segment in the location path is either a property name or an array index.
 */
const main_getLocation = getLocation;
/**
 * Parses the given text and returns the object the JSON content represents. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
 * Therefore, always check the errors list to find out if the input was valid.
 */
const main_parse = parse;
/**
 * Parses the given text and returns a tree representation the JSON content. On invalid input, the parser tries to be as fault tolerant as possible, but still return a result.
 */
const main_parseTree = parser_parseTree;
/**
 * Finds the node at the given path in a JSON DOM.
 */
const main_findNodeAtLocation = parser_findNodeAtLocation;
/**
 * Finds the innermost node at the given offset. If includeRightBound is set, also finds nodes that end at the given offset.
 */
const main_findNodeAtOffset = findNodeAtOffset;
/**
 * Gets the JSON path of the given JSON DOM node
 */
const main_getNodePath = getNodePath;
/**
 * Evaluates the JavaScript object of the given JSON DOM node
 */
const main_getNodeValue = getNodeValue;
/**
 * Parses the given text and invokes the visitor functions for each object, array and literal reached.
 */
const main_visit = visit;
/**
 * Takes JSON with JavaScript-style comments and remove
 * them. Optionally replaces every none-newline character
 * of comments with a replaceCharacter
 */
const main_stripComments = stripComments;
var ParseErrorCode;
(function (ParseErrorCode) {
    ParseErrorCode[ParseErrorCode["InvalidSymbol"] = 1] = "InvalidSymbol";
    ParseErrorCode[ParseErrorCode["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
    ParseErrorCode[ParseErrorCode["PropertyNameExpected"] = 3] = "PropertyNameExpected";
    ParseErrorCode[ParseErrorCode["ValueExpected"] = 4] = "ValueExpected";
    ParseErrorCode[ParseErrorCode["ColonExpected"] = 5] = "ColonExpected";
    ParseErrorCode[ParseErrorCode["CommaExpected"] = 6] = "CommaExpected";
    ParseErrorCode[ParseErrorCode["CloseBraceExpected"] = 7] = "CloseBraceExpected";
    ParseErrorCode[ParseErrorCode["CloseBracketExpected"] = 8] = "CloseBracketExpected";
    ParseErrorCode[ParseErrorCode["EndOfFileExpected"] = 9] = "EndOfFileExpected";
    ParseErrorCode[ParseErrorCode["InvalidCommentToken"] = 10] = "InvalidCommentToken";
    ParseErrorCode[ParseErrorCode["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
    ParseErrorCode[ParseErrorCode["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
    ParseErrorCode[ParseErrorCode["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
    ParseErrorCode[ParseErrorCode["InvalidUnicode"] = 14] = "InvalidUnicode";
    ParseErrorCode[ParseErrorCode["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
    ParseErrorCode[ParseErrorCode["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
    switch (code) {
        case 1 /* ParseErrorCode.InvalidSymbol */: return 'InvalidSymbol';
        case 2 /* ParseErrorCode.InvalidNumberFormat */: return 'InvalidNumberFormat';
        case 3 /* ParseErrorCode.PropertyNameExpected */: return 'PropertyNameExpected';
        case 4 /* ParseErrorCode.ValueExpected */: return 'ValueExpected';
        case 5 /* ParseErrorCode.ColonExpected */: return 'ColonExpected';
        case 6 /* ParseErrorCode.CommaExpected */: return 'CommaExpected';
        case 7 /* ParseErrorCode.CloseBraceExpected */: return 'CloseBraceExpected';
        case 8 /* ParseErrorCode.CloseBracketExpected */: return 'CloseBracketExpected';
        case 9 /* ParseErrorCode.EndOfFileExpected */: return 'EndOfFileExpected';
        case 10 /* ParseErrorCode.InvalidCommentToken */: return 'InvalidCommentToken';
        case 11 /* ParseErrorCode.UnexpectedEndOfComment */: return 'UnexpectedEndOfComment';
        case 12 /* ParseErrorCode.UnexpectedEndOfString */: return 'UnexpectedEndOfString';
        case 13 /* ParseErrorCode.UnexpectedEndOfNumber */: return 'UnexpectedEndOfNumber';
        case 14 /* ParseErrorCode.InvalidUnicode */: return 'InvalidUnicode';
        case 15 /* ParseErrorCode.InvalidEscapeCharacter */: return 'InvalidEscapeCharacter';
        case 16 /* ParseErrorCode.InvalidCharacter */: return 'InvalidCharacter';
    }
    return '<unknown ParseErrorCode>';
}
/**
 * Computes the edit operations needed to format a JSON document.
 *
 * @param documentText The input text
 * @param range The range to format or `undefined` to format the full content
 * @param options The formatting options
 * @returns The edit operations describing the formatting changes to the original document following the format described in {@linkcode EditResult}.
 * To apply the edit operations to the input, use {@linkcode applyEdits}.
 */
function main_format(documentText, range, options) {
    return formatter.format(documentText, range, options);
}
/**
 * Computes the edit operations needed to modify a value in the JSON document.
 *
 * @param documentText The input text
 * @param path The path of the value to change. The path represents either to the document root, a property or an array item.
 * If the path points to an non-existing property or item, it will be created.
 * @param value The new value for the specified property or item. If the value is undefined,
 * the property or item will be removed.
 * @param options Options
 * @returns The edit operations describing the changes to the original document, following the format described in {@linkcode EditResult}.
 * To apply the edit operations to the input, use {@linkcode applyEdits}.
 */
function modify(text, path, value, options) {
    return edit.setProperty(text, path, value, options);
}
/**
 * Applies edits to an input string.
 * @param text The input text
 * @param edits Edit operations following the format described in {@linkcode EditResult}.
 * @returns The text with the applied edits.
 * @throws An error if the edit operations are not well-formed as described in {@linkcode EditResult}.
 */
function applyEdits(text, edits) {
    let sortedEdits = edits.slice(0).sort((a, b) => {
        const diff = a.offset - b.offset;
        if (diff === 0) {
            return a.length - b.length;
        }
        return diff;
    });
    let lastModifiedOffset = text.length;
    for (let i = sortedEdits.length - 1; i >= 0; i--) {
        let e = sortedEdits[i];
        if (e.offset + e.length <= lastModifiedOffset) {
            text = edit.applyEdit(text, e);
        }
        else {
            throw new Error('Overlapping edit');
        }
        lastModifiedOffset = e.offset;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/core/json.ts
// JSON with offsets, for the files a user edits by hand (deployment settings): findings point at
// the line and column of a key, and a syntax error says where it is. Parsed with jsonc-parser (VS
// Code's JSON parser) in strict mode: no comments, no trailing commas, nothing JSON.parse would
// refuse. Its events build a small tree of our own that keeps each key and value's offset and
// never assigns a key into an object (members are lists), so `__proto__` is a plain key. Why
// jsonc-parser and not momoa: docs/architecture.md, "Settings JSON parser".
// `#jsonc-parser` (package.json "imports"): the bundles take the ES module build, because the
// package's main is a UMD build whose wrappers cost the CLI's start-up 10-15 ms (alternating runs
// of `--version`); ncc resolves with the `production` condition. Node itself cannot load that
// build (its imports have no file extensions), so the source run natively (local-action) takes
// the package's main.

/** Deeper nesting than this is no settings file; the limit keeps the parser far from the stack. */
const MAX_JSON_DEPTH = 256;
class JsonSyntaxError extends Error {
    offset;
    name = 'JsonSyntaxError';
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function describeChar(ch) {
    if (ch === undefined)
        return 'end of file';
    if (ch === '\n')
        return 'a line break';
    if (ch === '\r')
        return 'a carriage return';
    if (ch === '\t')
        return 'a tab';
    const code = ch.charCodeAt(0);
    if (code < 0x20)
        return `control character U+${code.toString(16).padStart(4, '0')}`;
    return `'${ch}'`;
}
/** The first character below U+0020 in text[from, to), or -1: what ends a string early. */
function controlCharacter(text, from, to) {
    for (let at = from; at < to; at++)
        if (text.charCodeAt(at) < 0x20)
            return at;
    return -1;
}
/** A syntax error said the way a person fixing the file needs it, and where it is. */
function syntaxError(code, text, offset, length, inside, next) {
    const at = text[offset];
    switch (printParseErrorCode(code)) {
        case 'InvalidCommentToken':
        case 'UnexpectedEndOfComment':
            return new JsonSyntaxError('a comment; JSON has no comments', offset);
        case 'UnexpectedEndOfString':
        case 'InvalidCharacter': {
            // Reported at the string's start; the character that breaks it is more useful.
            const control = controlCharacter(text, offset + 1, offset + Math.max(length, 1));
            return control === -1
                ? new JsonSyntaxError('unterminated string', offset)
                : new JsonSyntaxError(`${describeChar(text[control])} inside a string; escape it`, control);
        }
        case 'InvalidUnicode':
        case 'InvalidEscapeCharacter': {
            // Reported at the string's start too: point at the escape.
            const escape = badEscape(text, offset + 1, offset + Math.max(length, 1));
            return text[escape + 1] === 'u'
                ? new JsonSyntaxError('bad \\u escape; expected four hex digits', escape)
                : new JsonSyntaxError(`bad escape \\${text[escape + 1] ?? ''} in a string`, escape);
        }
        case 'InvalidNumberFormat':
        case 'UnexpectedEndOfNumber':
            return new JsonSyntaxError('bad number', offset);
        case 'PropertyNameExpected':
            return new JsonSyntaxError(`unexpected ${at === '}' ? "'}' after a comma" : describeChar(at)}; expected a property name in double quotes`, offset);
        case 'ColonExpected':
            return new JsonSyntaxError(`unexpected ${describeChar(at)}; expected ':'`, offset);
        case 'CommaExpected':
        case 'CloseBraceExpected':
        case 'CloseBracketExpected':
            return new JsonSyntaxError(`unexpected ${describeChar(at)}; expected ',' or '${inside === 'array' ? ']' : '}'}' in the ${inside ?? 'object'}`, offset);
        case 'EndOfFileExpected':
            return new JsonSyntaxError(`unexpected ${describeChar(at)} after the end of the JSON value`, offset);
        case 'ValueExpected':
            return new JsonSyntaxError(`unexpected ${at === ']' ? "']' after a comma" : describeChar(at)}; expected a JSON value`, offset);
        default:
            // InvalidSymbol: what was expected there is the error that follows it.
            return new JsonSyntaxError(`unexpected ${describeChar(at)}; expected ${next !== undefined && printParseErrorCode(next) === 'PropertyNameExpected' ? 'a property name in double quotes' : 'a JSON value'}`, offset);
    }
}
/** Escapes JSON has, and (group 1) any other. */
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})|(\\)/g;
/** Where the first escape JSON does not have is in text[from, to), or `from` when none is. */
function badEscape(text, from, to) {
    ESCAPE.lastIndex = from;
    for (let match = ESCAPE.exec(text); match && match.index < to; match = ESCAPE.exec(text)) {
        if (match[1] !== undefined)
            return match.index;
    }
    return from;
}
/** Parses JSON text into a tree that keeps offsets. Throws JsonSyntaxError with an offset. */
function parseJson(text) {
    let root;
    let first;
    const open = [];
    /** The key of the member whose value comes next, for each open object. */
    const keys = [];
    const add = (value) => {
        const parent = open[open.length - 1];
        if (parent === undefined)
            root = value;
        else if (parent.kind === 'array')
            parent.items.push(value);
        else
            parent.members.push({ ...keys[open.length - 1], value });
    };
    const begin = (value) => {
        if (open.length >= MAX_JSON_DEPTH) {
            if (first)
                throw syntaxError(first.code, text, first.offset, first.length, first.inside, undefined);
            throw new JsonSyntaxError(`nesting deeper than ${MAX_JSON_DEPTH} levels`, value.offset);
        }
        add(value);
        open.push(value);
    };
    main_visit(text, {
        onObjectBegin: (offset) => begin({ kind: 'object', offset, members: [] }),
        onArrayBegin: (offset) => begin({ kind: 'array', offset, items: [] }),
        onObjectEnd: () => void open.pop(),
        onArrayEnd: () => void open.pop(),
        onObjectProperty: (key, keyOffset) => {
            keys[open.length - 1] = { key, keyOffset };
        },
        onLiteralValue: (value, offset, length) => {
            if (typeof value === 'string')
                add({ kind: 'string', offset, value });
            else if (typeof value === 'number') {
                add({ kind: 'number', offset, raw: text.slice(offset, offset + length) });
            }
            else if (typeof value === 'boolean')
                add({ kind: 'boolean', offset, value });
            else
                add({ kind: 'null', offset });
        },
        // A settings file is either JSON or DS001: the parse ends at the error after the first,
        // which says what the first one was in place of.
        onError: (code, offset, length) => {
            if (first)
                throw syntaxError(first.code, text, first.offset, first.length, first.inside, code);
            first = { code, offset, length, inside: open[open.length - 1]?.kind };
        },
    }, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (first)
        throw syntaxError(first.code, text, first.offset, first.length, first.inside, undefined);
    if (root === undefined)
        throw new JsonSyntaxError('unexpected end of file; expected a JSON value', 0);
    return root;
}
/**
 * The member of `key` in an object's members: the last with the exact key (as JSON.parse keeps
 * the last duplicate), else the last with the key in any casing.
 */
function findMember(members, key) {
    let loose;
    const lower = key.toLowerCase();
    for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i];
        if (m.key === key)
            return m;
        if (loose === undefined && m.key.toLowerCase() === lower)
            loose = m;
    }
    return loose;
}


/***/ }),

/***/ 2241:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ resolveEndpoints),
/* harmony export */   lw: () => (/* binding */ parseCloud)
/* harmony export */ });
/* unused harmony exports inferCloud, envValue */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
// Where the online checks go: the target's Dataverse URL, the Power Apps API, Entra ID, and the
// token scope of each, by cloud (ONLINE.md section 6). Every endpoint can be moved (sovereign
// clouds, a local fake): AZURE_AUTHORITY_HOST, CONNREF_GATE_POWERAPPS_URL and
// CONNREF_GATE_POWERAPPS_SCOPE, and the environment URL itself.

const CLOUDS = ['Public', 'UsGov', 'UsGovHigh', 'UsGovDod', 'China'];
const DEFAULTS = {
    Public: {
        authorityHost: 'https://login.microsoftonline.com',
        powerAppsUrl: 'https://api.powerapps.com',
        powerAppsScope: 'https://service.powerapps.com/.default',
        oidcAudience: 'api://AzureADTokenExchange',
    },
    UsGov: {
        authorityHost: 'https://login.microsoftonline.com',
        powerAppsUrl: 'https://gov.api.powerapps.us',
        powerAppsScope: 'https://gov.service.powerapps.us/.default',
        oidcAudience: 'api://AzureADTokenExchangeUSGov',
    },
    UsGovHigh: {
        authorityHost: 'https://login.microsoftonline.us',
        powerAppsUrl: 'https://high.api.powerapps.us',
        powerAppsScope: 'https://high.service.powerapps.us/.default',
        oidcAudience: 'api://AzureADTokenExchangeUSGov',
    },
    UsGovDod: {
        authorityHost: 'https://login.microsoftonline.us',
        powerAppsUrl: 'https://api.apps.appsplatform.us',
        powerAppsScope: 'https://service.apps.appsplatform.us/.default',
        oidcAudience: 'api://AzureADTokenExchangeUSGov',
    },
    China: {
        authorityHost: 'https://login.chinacloudapi.cn',
        powerAppsUrl: 'https://api.powerapps.cn',
        powerAppsScope: 'https://service.powerapps.cn/.default',
        oidcAudience: 'api://AzureADTokenExchangeChina',
    },
};
/** Entra ID hosts that MSAL knows; any other needs `disableInstanceDiscovery` (ONLINE.md 5). */
const KNOWN_AUTHORITY_HOSTS = new Set([
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.chinacloudapi.cn',
    'login.microsoft.com',
    'login.windows.net',
    'sts.windows.net',
]);
/** The cloud name as given (any case), or a UsageError naming `what` (`--cloud`, input `cloud`). */
function parseCloud(raw, what) {
    const value = raw.trim().toLowerCase();
    const cloud = CLOUDS.find((name) => name.toLowerCase() === value);
    if (cloud === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} is '${raw}': use one of ${CLOUDS.join(', ')}`);
    }
    return cloud;
}
/**
 * The cloud of a Dataverse host, as Power Platform Build Tools infers it (`resolveCloudInstance`):
 * the host without its first label. Unknown domains (a local fake) are Public.
 */
function inferCloud(host) {
    const labels = host.toLowerCase().split('.');
    const domain = labels.slice(1).join('.');
    if (domain === 'crm9.dynamics.com')
        return 'UsGov';
    if (domain === 'crm.microsoftdynamics.us')
        return 'UsGovHigh';
    if (domain === 'crm.appsplatform.us')
        return 'UsGovDod';
    if (domain === 'crm.dynamics.cn')
        return 'China';
    return 'Public';
}
/**
 * An https URL whose origin (and, where allowed, path prefix) is all that is used. `what` names
 * the option or variable in the one-line error.
 */
function httpsUrl(raw, what, allowPath) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} '${raw}' is not a URL: give https://host`);
    }
    if (url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} '${raw}' is not https: tokens are only sent over https`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} must not hold a user name or password`);
    }
    if (url.search !== '' || url.hash !== '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} '${raw}' must not have a query or fragment`);
    }
    if (!allowPath && url.pathname !== '/') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`${what} '${raw}' has a path: give only the environment's address, e.g. https://contoso.crm4.dynamics.com`);
    }
    return url;
}
/** A variable of `env`, trimmed; undefined when unset or blank. */
function envValue(env, name) {
    const value = Object.hasOwn(env, name) ? env[name]?.trim() : undefined;
    return value ? value : undefined;
}
/** Resolves and validates every endpoint; a UsageError (one line) for a bad value. */
function resolveEndpoints(options) {
    const env = options.env ?? {};
    const environment = httpsUrl(options.environmentUrl, options.environmentOption ?? '--environment', false);
    const cloud = options.cloud ?? inferCloud(environment.hostname);
    const defaults = DEFAULTS[cloud];
    const authorityRaw = envValue(env, 'AZURE_AUTHORITY_HOST') ?? defaults.authorityHost;
    const authority = httpsUrl(authorityRaw, 'AZURE_AUTHORITY_HOST', true);
    const powerAppsRaw = envValue(env, 'CONNREF_GATE_POWERAPPS_URL') ?? defaults.powerAppsUrl;
    const powerApps = httpsUrl(powerAppsRaw, 'CONNREF_GATE_POWERAPPS_URL', true);
    const scope = envValue(env, 'CONNREF_GATE_POWERAPPS_SCOPE') ?? defaults.powerAppsScope;
    if (/\s/.test(scope) || !/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.test(scope)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`CONNREF_GATE_POWERAPPS_SCOPE '${scope}' is not a scope such as https://service.powerapps.com/.default`);
    }
    const strip = (url) => `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    return {
        cloud,
        environmentUrl: environment.origin,
        dataverseOrigin: environment.origin,
        dataverseScope: `${environment.origin}/.default`,
        powerAppsUrl: strip(powerApps),
        powerAppsOrigin: powerApps.origin,
        powerAppsScope: scope,
        authorityHost: strip(authority),
        disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(authority.hostname.toLowerCase()),
        oidcAudience: defaults.oidcAudience,
    };
}


/***/ }),

/***/ 113:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KF: () => (/* binding */ parseOnlineTimeout),
/* harmony export */   Ps: () => (/* binding */ prepareOnline),
/* harmony export */   ls: () => (/* binding */ DEFAULT_ONLINE_TIMEOUT_MS),
/* harmony export */   n_: () => (/* binding */ strayOnlineInput),
/* harmony export */   qi: () => (/* binding */ parseOnlineMode)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2020);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2241);
// The options of the online checks and their validation: light on purpose, since the engine
// imports it on every run, while the stage itself is loaded only when --environment is given.



const DEFAULT_ONLINE_TIMEOUT_MS = 60_000;
/** How a message names a bad value of option or input `name` (`--online` or `online`). */
function badValue(name, raw) {
    return name.startsWith('--') ? `bad ${name} ${raw}` : `input '${name}' is '${raw}'`;
}
/** `--online` / the `online` input: warn (the default, when not given) or strict. */
function parseOnlineMode(raw, name) {
    const mode = (raw ?? 'warn').trim().toLowerCase();
    if (mode !== 'warn' && mode !== 'strict') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${badValue(name, raw ?? '')}: use warn or strict`);
    }
    return mode;
}
/** `--online-timeout` / its input: seconds, in ms; undefined when not given (the default). */
function parseOnlineTimeout(raw, name) {
    if (raw === undefined)
        return undefined;
    const text = raw.trim();
    const seconds = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > 3600) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${badValue(name, raw ?? '')}: give seconds, e.g. 60 (at most 3600)`);
    }
    return Math.round(seconds * 1000);
}
/**
 * With the online checks off, the first of these options or inputs that holds something other
 * than its default (`defaults`: name -> default, lower case; the Azure DevOps agent fills in a
 * task.json default for every input a pipeline leaves out). Such a value would silently do
 * nothing, so the adapters refuse it.
 */
function strayOnlineInput(defaults, value) {
    return Object.keys(defaults).find((name) => {
        const given = value(name)?.trim().toLowerCase();
        return given !== undefined && given !== '' && given !== defaults[name];
    });
}
/** Validates what can be validated before anything is read (a UsageError, one line). */
function prepareOnline(options) {
    const endpoints = (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveEndpoints */ .$K)({
        environmentUrl: options.environmentUrl,
        ...(options.cloud && { cloud: options.cloud }),
        ...(options.env && { env: options.env }),
        ...(options.environmentOption && { environmentOption: options.environmentOption }),
    });
    const id = options.environmentId?.trim();
    if (id !== undefined && (id === '' || id.length > 200 || !/^[A-Za-z0-9_.-]+$/.test(id))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`environment id '${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(options.environmentId ?? '', 100)}' is not an environment id (letters, digits, - and _, e.g. Default-<tenant id> or a GUID)`);
    }
    if (options.proxy !== undefined && !URL.canParse(options.proxy.url)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('the proxy URL does not parse: give it as http://host:port');
    }
    if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e('the online timeout must be a positive number of seconds');
    }
    return endpoints;
}


/***/ }),

/***/ 7136:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ rule),
/* harmony export */   VE: () => (/* binding */ environmentName),
/* harmony export */   b2: () => (/* binding */ placeholderVariables)
/* harmony export */ });
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1922);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3323);
/* harmony import */ var _helpers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8046);



/**
 * Every placeholder form CR002 knows, each with the variable name it holds. `${{ … }}` takes no
 * brace inside, so that a value of many `${{` is scanned in linear time.
 */
const NAMED_PLACEHOLDER = /#\{([^{}]+)\}#?|\$\(([^()]+)\)|\$\{\{([^{}\r\n]*)\}\}|@@([^@]+)@@|__([A-Za-z][\w.-]*)__/g;
/** Every variable that the placeholders in a value ask for, in order, once each. */
function placeholderVariables(value) {
    const names = new Set();
    for (const match of value.matchAll(NAMED_PLACEHOLDER)) {
        const name = match
            .slice(1)
            .find((group) => group !== undefined)
            ?.trim();
        if (name)
            names.add(name);
    }
    return [...names];
}
/** Azure Pipelines exposes variable `a.b` to processes as `A_B`; so does the substitution. */
function environmentName(name) {
    return name.toUpperCase().replace(/[.\s]/g, '_');
}
function alias(name) {
    const pipelineName = environmentName(name);
    return pipelineName === name ? '' : ` (exposed as ${pipelineName})`;
}
function howToFix(placeholder, secret) {
    const name = secret ? undefined : substitutableName(placeholder);
    if (name === undefined) {
        return 'Replace it in the pipeline before the check (token replacement step), or write the real value.';
    }
    return `Define the pipeline or environment variable ${name}${alias(name)} so it is substituted, or write the real value.`;
}
/** The name in a placeholder that the substitution itself fills (`#{…}#`, `#{…}`, `$(…)`). */
function substitutableName(placeholder) {
    const match = /^#\{([^{}]+)\}#?$|^\$\(([^()]+)\)$/.exec(placeholder);
    const name = (match?.[1] ?? match?.[2])?.trim();
    return name === undefined || name === '' ? undefined : name;
}
/** With `defer`: which variable the deploy stage must define (never a secret value's text). */
function deferredFix(value, secret) {
    const names = secret ? [] : placeholderVariables(value);
    if (names.length === 0)
        return 'The deploy stage must replace it before the import.';
    const defined = names.map((name) => `${name}${alias(name)}`);
    const list = defined.length === 1
        ? `variable ${defined[0]}`
        : `variables ${defined.slice(0, -1).join(', ')} and ${defined[defined.length - 1]}`;
    return `The deploy stage must define the ${list}.`;
}
const rule = {
    meta: {
        id: 'CR002',
        name: 'unresolved-placeholder',
        defaultSeverity: 'error',
        description: 'A ConnectionId or environment variable Value still holds a placeholder',
        details: 'Placeholders such as #{…}#, #{…}, $(…), ${{ … }}, @@…@@ and __…__ are meant to be replaced by the pipeline ' +
            'before the import. One left in a ConnectionId makes the import fail to find the connection ' +
            '(ConnectionNotFound); one left in an environment variable Value is imported as that literal text. ' +
            'With placeholders deferred (pull-request validation of settings that the deploy stage fills in) it is a ' +
            'note naming the variable that stage must define.',
        needsSettings: true,
        docsUrl: (0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .ruleDocsUrl */ .hS)('CR002'),
    },
    check(context) {
        if (!context.settings)
            return;
        const defer = context.placeholders === 'defer';
        const report = (kind, subject, field, value, placeholder, secret, location) => {
            // A partly substituted value is secret: then even the placeholder text is not printed.
            const shown = secret ? 'a placeholder' : `the placeholder ${placeholder}`;
            context.report({
                subject,
                location,
                ...(defer
                    ? {
                        severity: 'note',
                        message: `${field} of ${kind} ${subject} holds ${shown}, left for the deploy stage (placeholders deferred). ${deferredFix(value, secret)}`,
                    }
                    : {
                        message: `${field} of ${kind} ${subject} still holds ${shown} after substitution. ${howToFix(placeholder, secret)}`,
                    }),
            });
        };
        const refEntries = (0,_helpers_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsReferencesByName */ .wx)(context.settings);
        for (const ref of context.solution.connectionReferences) {
            for (const entry of refEntries.get((0,_helpers_js__WEBPACK_IMPORTED_MODULE_1__/* .nameKey */ .Rc)(ref.logicalName)) ?? []) {
                const placeholder = entry.connectionId === null ? undefined : (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .findPlaceholder */ .$e)(entry.connectionId);
                if (placeholder !== undefined) {
                    report('connection reference', ref.logicalName, 'ConnectionId', entry.connectionId, placeholder, entry.secret, entry.connectionIdLocation ?? entry.location);
                    break;
                }
            }
        }
        const variableEntries = (0,_helpers_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsVariablesByName */ .b8)(context.settings);
        for (const variable of context.solution.environmentVariables) {
            for (const entry of variableEntries.get((0,_helpers_js__WEBPACK_IMPORTED_MODULE_1__/* .nameKey */ .Rc)(variable.schemaName)) ?? []) {
                const placeholder = entry.value === null ? undefined : (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .findPlaceholder */ .$e)(entry.value);
                if (placeholder !== undefined) {
                    report('environment variable', variable.schemaName, 'Value', entry.value, placeholder, entry.secret, entry.valueLocation ?? entry.location);
                    break;
                }
            }
        }
    },
};


/***/ }),

/***/ 8046:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M5: () => (/* binding */ missingReferenceNames),
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   Rc: () => (/* binding */ nameKey),
/* harmony export */   YB: () => (/* binding */ customConnectorStem),
/* harmony export */   _1: () => (/* binding */ isBoundConnectionId),
/* harmony export */   b8: () => (/* binding */ settingsVariablesByName),
/* harmony export */   bv: () => (/* binding */ definedReferenceNames),
/* harmony export */   cM: () => (/* binding */ andList),
/* harmony export */   fw: () => (/* binding */ connectorApiName),
/* harmony export */   m2: () => (/* binding */ whichNoneDefines),
/* harmony export */   w: () => (/* binding */ definedVariableNames),
/* harmony export */   wx: () => (/* binding */ settingsReferencesByName),
/* harmony export */   z3: () => (/* binding */ isBlank)
/* harmony export */ });
/* unused harmony exports sameName, groupByName, usableSettings */
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1922);

function nameKey(name) {
    return name.toLowerCase();
}
function sameName(a, b) {
    return nameKey(a) === nameKey(b);
}
/** Groups items by a case-insensitive name, keeping first-seen order. */
function groupByName(items, nameOf) {
    const groups = new Map();
    for (const item of items) {
        const key = nameKey(nameOf(item));
        const group = groups.get(key);
        if (group)
            group.push(item);
        else
            groups.set(key, [item]);
    }
    return groups;
}
function settingsReferencesByName(settings) {
    return groupByName(settings.connectionReferences, (entry) => entry.logicalName);
}
function settingsVariablesByName(settings) {
    return groupByName(settings.environmentVariables, (entry) => entry.schemaName);
}
function definedReferenceNames(solution) {
    return new Set(solution.connectionReferences.map((ref) => nameKey(ref.logicalName)));
}
/** Keys of the connection references solution.xml lists under MissingDependencies. */
function missingReferenceNames(solution) {
    return new Set(solution.missingDependencies
        .filter((dependency) => dependency.kind === 'connectionreference')
        .map((dependency) => nameKey(dependency.name)));
}
function definedVariableNames(solution) {
    return new Set(solution.environmentVariables.map((variable) => nameKey(variable.schemaName)));
}
/**
 * `which solution A does not define`, or for a settings file shared by several solutions
 * `which none of the 2 solutions checked with it (A and B) defines` (at most 5 names).
 */
function whichNoneDefines(solutions) {
    const names = [...new Set(solutions.map((solution) => solution.uniqueName))];
    if (solutions.length === 1)
        return `which solution ${names[0]} does not define`;
    const shown = names.length > 5 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
    return `which none of the ${solutions.length} solutions checked with it (${andList(shown)}) defines`;
}
/** `A`, `A and B`, `A, B and C`. */
function andList(items) {
    if (items.length <= 1)
        return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
function isBlank(value) {
    return value === null || value === undefined || value.trim() === '';
}
/** A ConnectionId that the import can bind: present, non-empty, and no placeholder left. */
function isBoundConnectionId(connectionId) {
    return !isBlank(connectionId) && (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .findPlaceholder */ .$e)(connectionId) === undefined;
}
/** `shared_office365` from `/providers/Microsoft.PowerApps/apis/shared_office365` (lower case). */
function connectorApiName(connectorId) {
    const trimmed = connectorId.trim().replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
}
/** `shared_<prefix>-5f<name>-5f<hash>`: the id form Dataverse gives a custom connector. */
const CUSTOM_CONNECTOR_API = /^(shared_.+)-5f([0-9a-f]{8,})$/i;
/** The custom connector api name without its environment-specific hash, or undefined. */
function customConnectorStem(connectorId) {
    const match = CUSTOM_CONNECTOR_API.exec(connectorApiName(connectorId));
    return match?.[1];
}
function lines(entries) {
    const numbers = entries.map((entry) => entry.location.line).filter((line) => line !== undefined);
    if (numbers.length === 0)
        return '';
    return numbers.length === 1 ? ` (line ${numbers[0]})` : ` (lines ${numbers.join(', ')})`;
}
/** Settings for a rule that needs them; the engine never runs such rules on unusable settings. */
function usableSettings(context) {
    return context.settings ?? undefined;
}


/***/ }),

/***/ 6850:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V7: () => (/* binding */ allRules),
  Il: () => (/* binding */ findRule),
  Lc: () => (/* binding */ parseRuleOverrides)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __nccwpck_require__(3323);
// EXTERNAL MODULE: ./src/core/rules/helpers.ts
var helpers = __nccwpck_require__(8046);
;// CONCATENATED MODULE: ./src/core/rules/cr001-unbound-connection-reference.ts


const rule = {
    meta: {
        id: 'CR001',
        name: 'unbound-connection-reference',
        defaultSeverity: 'error',
        description: 'A connection reference in the solution has no connection in the deployment settings',
        details: 'Every connection reference defined in the solution needs a settings entry with a non-empty ConnectionId. ' +
            'Without one the import leaves the reference unbound: flows that use it are imported turned off, and an ' +
            'unattended import fails with ConnectionNotFound or "Invalid Connection".',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR001'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsReferencesByName */.wx)(context.settings);
        const dependencies = (0,helpers/* missingReferenceNames */.M5)(context.solution);
        for (const ref of context.solution.connectionReferences) {
            // An export may hold a reference as an empty element (no connectorid): one that another
            // solution brings, listed under MissingDependencies. Its connector is then unknown here.
            const connector = (0,helpers/* connectorApiName */.fw)(ref.connectorId) || 'connector unknown';
            const entries = entriesByName.get((0,helpers/* nameKey */.Rc)(ref.logicalName)) ?? [];
            if (entries.length === 0) {
                const emptyElement = ref.connectorId.trim() === ''
                    ? ` Its element in the solution names no connector${dependencies.has((0,helpers/* nameKey */.Rc)(ref.logicalName)) ? ', and solution.xml lists it under MissingDependencies: another solution brings it, so the target must already hold it' : ''}.`
                    : '';
                context.report({
                    subject: ref.logicalName,
                    location: ref.location,
                    message: `Connection reference ${ref.logicalName} (${connector}) has no entry in the deployment settings` +
                        `${context.settings.path === '' ? ' (none was given or found for this solution)' : ''}, so the import leaves it unbound. Add {"LogicalName": "${ref.logicalName}", "ConnectionId": ` +
                        `"<connection id in the target environment>", "ConnectorId": "${ref.connectorId.trim() || '<the id of its connector>'}"} to ConnectionReferences.${emptyElement}`,
                });
            }
            else if (entries.every((entry) => (0,helpers/* isBlank */.z3)(entry.connectionId))) {
                const entry = entries[0];
                context.report({
                    subject: ref.logicalName,
                    location: entry.connectionIdLocation ?? entry.location,
                    message: `Connection reference ${ref.logicalName} (${connector}) has ${entry.connectionId === null ? 'no' : 'an empty'} ` +
                        'ConnectionId in the deployment settings, so the import leaves it unbound. Set ConnectionId to the id of a ' +
                        `${ref.connectorId.trim() === '' ? 'matching' : connector} connection in the target environment.`,
                });
            }
        }
    },
};

// EXTERNAL MODULE: ./src/core/rules/cr002-unresolved-placeholder.ts
var cr002_unresolved_placeholder = __nccwpck_require__(7136);
;// CONCATENATED MODULE: ./src/core/rules/cr003-connector-mismatch.ts


const cr003_connector_mismatch_rule = {
    meta: {
        id: 'CR003',
        name: 'connector-mismatch',
        defaultSeverity: 'error',
        description: "The settings ConnectorId differs from the connector of the solution's connection reference",
        details: 'The ConnectorId in the settings must name the same connector as the connection reference in the solution ' +
            '(compared by api name, case-insensitively). A different connector means the settings were written for another ' +
            'reference or another version of the solution, and the ConnectionId most likely belongs to the wrong connector, ' +
            'which the import rejects as an invalid connection. Custom connectors whose ids differ only in the ' +
            'environment-specific hash are a warning: check that the connection belongs to the custom connector in the target.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR003'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsReferencesByName */.wx)(context.settings);
        for (const ref of context.solution.connectionReferences) {
            if ((0,helpers/* isBlank */.z3)(ref.connectorId))
                continue;
            const expected = (0,helpers/* connectorApiName */.fw)(ref.connectorId);
            for (const entry of entriesByName.get((0,helpers/* nameKey */.Rc)(ref.logicalName)) ?? []) {
                if (entry.connectorId === null || (0,helpers/* isBlank */.z3)(entry.connectorId))
                    continue;
                const actual = (0,helpers/* connectorApiName */.fw)(entry.connectorId);
                if (actual === expected)
                    continue;
                const stem = (0,helpers/* customConnectorStem */.YB)(entry.connectorId);
                const hashOnly = stem !== undefined && stem === (0,helpers/* customConnectorStem */.YB)(ref.connectorId);
                const given = entry.secret ? 'a different connector' : actual;
                context.report({
                    subject: ref.logicalName,
                    location: entry.connectorIdLocation ?? entry.location,
                    severity: hashOnly ? 'warning' : 'error',
                    message: hashOnly
                        ? `ConnectorId of connection reference ${ref.logicalName} names custom connector ${given}, which differs from ` +
                            `the solution's ${expected} only in the environment-specific hash. Make sure ConnectionId is a ` +
                            'connection of this custom connector in the target environment.'
                        : `ConnectorId of connection reference ${ref.logicalName} is ${given}, but the solution's connection ` +
                            `reference uses ${expected}. Set ConnectorId to "${ref.connectorId}" and ConnectionId to a ` +
                            `${expected} connection (regenerate with pac solution create-settings if the solution changed).`,
                });
                break;
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr004-stale-connection-reference-entry.ts


function checkSettingsFile({ settings, solutions, report }) {
    const defined = new Set(solutions.flatMap((solution) => solution.connectionReferences.map((r) => (0,helpers/* nameKey */.Rc)(r.logicalName))));
    for (const [key, entries] of (0,helpers/* settingsReferencesByName */.wx)(settings)) {
        if (defined.has(key))
            continue;
        const entry = entries[0];
        report({
            subject: entry.logicalName,
            location: entry.location,
            message: `The deployment settings name connection reference ${entry.logicalName}, ${(0,helpers/* whichNoneDefines */.m2)(solutions)}. ` +
                'Remove the stale entry, or correct the LogicalName.',
        });
    }
}
const cr004_stale_connection_reference_entry_rule = {
    meta: {
        id: 'CR004',
        name: 'stale-connection-reference-entry',
        defaultSeverity: 'warning',
        description: 'A settings entry names a connection reference that the solution does not define',
        details: 'A ConnectionReferences entry whose LogicalName matches no connection reference in the solution is ignored by ' +
            'the import. It is usually left over from a renamed or removed reference, or a typo, in which case the ' +
            'reference it was meant for is unbound. Where several solutions are checked against one settings file (a ' +
            'monorepo), an entry is stale only when none of them defines it, and it is reported once for the file.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR004'),
    },
    check(context) {
        if (!context.settings)
            return;
        checkSettingsFile({ ...context, settings: context.settings, solutions: [context.solution] });
    },
    checkSettingsFile,
};

;// CONCATENATED MODULE: ./src/core/rules/cr005-duplicate-connection-reference-entry.ts


const cr005_duplicate_connection_reference_entry_rule = {
    meta: {
        id: 'CR005',
        name: 'duplicate-connection-reference-entry',
        defaultSeverity: 'error',
        description: 'Two settings entries name the same connection reference',
        details: 'When ConnectionReferences holds the same LogicalName twice (names compare case-insensitively), which ' +
            'ConnectionId the import uses is not under your control, and editing one copy silently has no effect.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR005'),
    },
    check(context) {
        if (!context.settings)
            return;
        for (const entries of (0,helpers/* settingsReferencesByName */.wx)(context.settings).values()) {
            if (entries.length < 2)
                continue;
            const first = entries[0];
            context.report({
                subject: first.logicalName,
                location: entries[1].location,
                message: `Connection reference ${first.logicalName} has ${entries.length} entries in the deployment settings` +
                    `${(0,helpers/* lines */.Mn)(entries)}. Keep one entry per connection reference.`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr006-undefined-connection-reference.ts


function flowList(flows) {
    const names = [...new Set(flows.map((flow) => flow.name))];
    return names.length === 1 ? `flow ${names[0]}` : `flows ${(0,helpers/* andList */.cM)(names)}`;
}
function agentList(agents) {
    const described = [...agents].map(([agent, components]) => {
        const names = [...new Set(components.map((component) => component.displayName))];
        return `${agent.displayName} (${names.length === 1 ? 'component' : 'components'} ${(0,helpers/* andList */.cM)(names)})`;
    });
    return `${described.length === 1 ? 'agent' : 'agents'} ${(0,helpers/* andList */.cM)(described)}`;
}
function usersText(users) {
    const parts = [];
    if (users.flows.length > 0)
        parts.push(flowList(users.flows));
    if (users.agents.size > 0)
        parts.push(agentList(users.agents));
    const text = parts.join(' and ');
    const count = new Set(users.flows.map((flow) => flow.name)).size + users.agents.size;
    return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${count === 1 ? 'uses' : 'use'}`;
}
const cr006_undefined_connection_reference_rule = {
    meta: {
        id: 'CR006',
        name: 'undefined-connection-reference',
        defaultSeverity: 'error',
        description: 'A flow or an agent uses a connection reference that the solution does not define',
        details: 'A flow or a Copilot Studio agent component that names a connection reference missing from the solution cannot ' +
            'be bound on import: the import fails, the flow is imported turned off, or the agent tool, action or knowledge ' +
            'source has no connection. When solution.xml lists the reference under MissingDependencies this is a warning: ' +
            'the import succeeds only if the target environment already holds that reference.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR006'),
    },
    check(context) {
        const { solution } = context;
        const defined = (0,helpers/* definedReferenceNames */.bv)(solution);
        const users = new Map();
        const usersOf = (name, location) => {
            const key = (0,helpers/* nameKey */.Rc)(name);
            if (name === '' || defined.has(key))
                return undefined;
            let entry = users.get(key);
            if (!entry) {
                entry = { name, flows: [], agents: new Map(), location };
                users.set(key, entry);
            }
            return entry;
        };
        for (const flow of solution.flows) {
            for (const connection of flow.connections) {
                if (connection.connectionReference === null)
                    continue;
                const entry = usersOf(connection.connectionReference, flow.location);
                if (entry && !entry.flows.includes(flow))
                    entry.flows.push(flow);
            }
        }
        for (const agent of solution.agents) {
            for (const component of agent.components) {
                for (const use of component.uses) {
                    const entry = usersOf(use.connectionReference, use.location);
                    if (!entry)
                        continue;
                    const components = entry.agents.get(agent) ?? [];
                    if (!components.includes(component))
                        components.push(component);
                    entry.agents.set(agent, components);
                }
            }
        }
        const dependencies = (0,helpers/* missingReferenceNames */.M5)(solution);
        for (const [key, entry] of users) {
            const expectedInTarget = dependencies.has(key);
            const { name } = entry;
            context.report({
                subject: name,
                location: entry.location,
                severity: expectedInTarget ? 'warning' : 'error',
                message: expectedInTarget
                    ? `${usersText(entry)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
                        'define but lists under MissingDependencies. Import the solution that holds it into the target first.'
                    : `${usersText(entry)} connection reference ${name}, which solution ${solution.uniqueName} does not ` +
                        'define. Add the connection reference to the solution (Add existing > Connection reference) and export again.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr007-direct-connection.ts


const cr007_direct_connection_rule = {
    meta: {
        id: 'CR007',
        name: 'direct-connection',
        defaultSeverity: 'error',
        description: 'A flow connection does not go through a connection reference',
        details: 'A flow connection without connection.connectionReferenceLogicalName is bound to a connection of the source ' +
            'environment. The import cannot rebind it from the deployment settings, so the flow is imported turned off or ' +
            'fails to activate. The flow checker reports this as "Use connection references".',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR007'),
    },
    check(context) {
        for (const flow of context.solution.flows) {
            const direct = flow.connections.filter((connection) => connection.connectionReference === null || connection.connectionReference === '');
            if (direct.length === 0)
                continue;
            const apis = (0,helpers/* andList */.cM)([...new Set(direct.map((connection) => connection.api))]);
            context.report({
                subject: flow.name,
                location: flow.location,
                message: `Flow ${flow.name} connects to ${apis} directly, not through a connection reference, so the import ` +
                    'cannot rebind it. Edit the flow inside the solution and switch each connection to a connection reference.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr008-canvas-app-custom-connector.ts


const cr008_canvas_app_custom_connector_rule = {
    meta: {
        id: 'CR008',
        name: 'canvas-app-custom-connector',
        defaultSeverity: 'error',
        description: 'A canvas app uses a custom connector, which needs a manual re-edit after import',
        details: "Canvas apps don't recognize connection references on custom connectors. After import the app must be opened " +
            'and the custom connector connection removed and added again; in a managed solution that edit creates an ' +
            'unmanaged layer on the app, which blocks later updates.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR008'),
    },
    check(context) {
        for (const app of context.solution.canvasApps) {
            const seen = new Set();
            for (const connector of app.connectors) {
                if (!connector.custom)
                    continue;
                const key = (0,helpers/* connectorApiName */.fw)(connector.id);
                if (seen.has(key))
                    continue;
                seen.add(key);
                const label = connector.displayName ? `${connector.displayName} (${key})` : key;
                context.report({
                    subject: app.name,
                    location: app.location,
                    message: `Canvas app ${app.displayName || app.name} uses custom connector ${label}; canvas apps don't bind custom ` +
                        'connectors through connection references, so after import the app must be edited to remove and re-add ' +
                        'the connection, which in a managed solution creates an unmanaged layer. Call the connector from a cloud ' +
                        'flow instead, or plan that post-import step.',
                });
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr009-duplicate-display-name.ts


const cr009_duplicate_display_name_rule = {
    meta: {
        id: 'CR009',
        name: 'duplicate-display-name',
        defaultSeverity: 'warning',
        description: 'Two connection references in the solution share a display name',
        details: 'The import wizard, the maker portal and pipeline deployment steps show connection references by display ' +
            'name. Two references with the same display name are easy to bind to the wrong connection.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR009'),
    },
    check(context) {
        const groups = new Map();
        for (const ref of context.solution.connectionReferences) {
            const key = ref.displayName.trim().toLowerCase();
            if (key === '')
                continue;
            const group = groups.get(key);
            if (group)
                group.push(ref.logicalName);
            else
                groups.set(key, [ref.logicalName]);
        }
        for (const ref of context.solution.connectionReferences) {
            const names = groups.get(ref.displayName.trim().toLowerCase());
            if (names === undefined || names.length < 2)
                continue;
            const others = names.filter((name) => name !== ref.logicalName);
            context.report({
                subject: ref.logicalName,
                location: ref.location,
                message: `Connection reference ${ref.logicalName} shares the display name "${ref.displayName.trim()}" with ` +
                    `${(0,helpers/* andList */.cM)(others)}. Give each connection reference a distinct display name.`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr010-unused-connection-reference.ts


/** Lower-cased names of the connection references that a flow, canvas app or agent uses. */
function usedReferenceNames(solution) {
    const used = new Set();
    for (const flow of solution.flows) {
        for (const connection of flow.connections) {
            if (connection.connectionReference)
                used.add((0,helpers/* nameKey */.Rc)(connection.connectionReference));
        }
    }
    // Canvas apps store connector ids, not reference names: a reference counts as used by an app
    // that uses its connector.
    const appConnectors = new Set(solution.canvasApps.flatMap((app) => app.connectors.map((c) => (0,helpers/* connectorApiName */.fw)(c.id))));
    for (const ref of solution.connectionReferences) {
        if (appConnectors.has((0,helpers/* connectorApiName */.fw)(ref.connectorId)))
            used.add((0,helpers/* nameKey */.Rc)(ref.logicalName));
    }
    // An agent's tool, action or knowledge source breaks without its reference, also where only a
    // set row or a knowledge source names it.
    for (const agent of solution.agents) {
        for (const component of agent.components) {
            for (const use of component.uses)
                used.add((0,helpers/* nameKey */.Rc)(use.connectionReference));
        }
    }
    return used;
}
const cr010_unused_connection_reference_rule = {
    meta: {
        id: 'CR010',
        name: 'unused-connection-reference',
        defaultSeverity: 'note',
        description: 'A connection reference is defined but no flow, canvas app or agent in the solution uses it',
        details: 'An unused connection reference still has to be bound in every target environment, so it costs a connection ' +
            'and a settings entry for nothing. It is often left behind after a flow was changed to another reference. ' +
            'A reference counts as used by a Copilot Studio agent when a row of Assets/botcomponent_connectionreferenceset.xml, ' +
            "a `connectionReference:` in a component's data, or a knowledge source names it.",
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR010'),
    },
    check(context) {
        const used = usedReferenceNames(context.solution);
        for (const ref of context.solution.connectionReferences) {
            if (used.has((0,helpers/* nameKey */.Rc)(ref.logicalName)))
                continue;
            context.report({
                subject: ref.logicalName,
                location: ref.location,
                message: `Connection reference ${ref.logicalName} is used by no flow, canvas app or agent in solution ` +
                    `${context.solution.uniqueName}. Remove it from the solution if nothing outside the solution needs it.`,
            });
        }
    },
};

// EXTERNAL MODULE: ./src/core/settings.ts
var settings = __nccwpck_require__(1922);
;// CONCATENATED MODULE: ./src/core/rules/cr011-implausible-connection-id.ts



// A ConnectionId is the *name* of a connection in the target environment, as `pac connection
// list` prints it and as it appears at the end of the connection's URL in make.powerapps.com:
// 32 hex digits (`4a1e6c0b5f2d4e8a9b7c3d2e1f0a9b8c`), a GUID, or `shared-<connector>-<GUID>`
// (`shared-sharepointonl-7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f`, the connector name cut to 20
// characters). Rather than insist on those forms (a format we have not seen would then be a false
// alarm), the rule looks for what a connection name never is: a URL, a resource path, an e-mail
// address, text with spaces or punctuation, or a word without a single digit.
/** Letters, digits, `-` and `_`: everything a connection name is made of. */
const ID_ALPHABET = /^[A-Za-z0-9_-]+$/;
/** Why `value` cannot be a connection id, or undefined when it might be one. */
function implausibleConnectionId(value, secret) {
    const trimmed = value.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /^www\./i.test(trimmed)) {
        return 'is a URL, not the name of a connection';
    }
    if (/\/connections\/[^/]+\/?$/i.test(trimmed)) {
        return 'is a connection resource path; use only its last segment, the connection name';
    }
    if (/^\/?providers\//i.test(trimmed)) {
        return 'is a connector id (it belongs in ConnectorId), not the name of a connection';
    }
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
        return "is an e-mail address (a connection's owner, perhaps), not the name of a connection";
    }
    if (trimmed !== value) {
        return 'has spaces or line breaks around it, so the import looks for a connection that does not exist';
    }
    if (/\s/.test(value)) {
        return /^[^\s]+( [^\s]+)+$/.test(value)
            ? "has spaces inside, so it looks like a connection's display name rather than its name"
            : 'has whitespace inside, which a connection name never has';
    }
    if (!ID_ALPHABET.test(value)) {
        const odd = [...value].find((ch) => !/[A-Za-z0-9_-]/.test(ch));
        const shown = secret || odd === undefined ? 'a character' : `'${odd}'`;
        return `holds ${shown}, which a connection name never has (they are letters, digits, - and _)`;
    }
    if (/^shared_[a-z0-9_-]+$/i.test(value) && !/\d{4}/.test(value)) {
        return 'is a connector name, not the name of a connection';
    }
    if (!/\d/.test(value)) {
        return 'has no digit at all, so it looks like a display name rather than a connection name (those hold a GUID or 32 hex digits)';
    }
    return undefined;
}
const cr011_implausible_connection_id_rule = {
    meta: {
        id: 'CR011',
        name: 'implausible-connection-id',
        defaultSeverity: 'warning',
        description: 'A ConnectionId cannot be the id of a connection',
        details: 'A ConnectionId is the name of a connection in the target environment: 32 hex digits, a GUID, or ' +
            'shared-<connector>-<GUID>, as pac connection list prints it. A URL, a resource path, an e-mail address, a ' +
            "connection's display name (spaces, punctuation, no digit) or a connector name is not one: the import then " +
            'cannot find the connection and leaves the reference unbound. Placeholders are CR002 and empty values CR001.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR011'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsReferencesByName */.wx)(context.settings);
        for (const ref of context.solution.connectionReferences) {
            for (const entry of entriesByName.get((0,helpers/* nameKey */.Rc)(ref.logicalName)) ?? []) {
                const id = entry.connectionId;
                if (id === null || (0,helpers/* isBlank */.z3)(id) || (0,settings/* findPlaceholder */.$e)(id) !== undefined)
                    continue;
                const reason = implausibleConnectionId(id, entry.secret);
                if (reason === undefined)
                    continue;
                // The value itself is never printed: it may have come from a secret pipeline variable.
                context.report({
                    subject: ref.logicalName,
                    location: entry.connectionIdLocation ?? entry.location,
                    message: `ConnectionId of connection reference ${ref.logicalName} ${reason}. Set it to the connection's name ` +
                        '(32 hex digits, a GUID or shared-<connector>-<GUID>): `pac connection list` shows it, and so does the ' +
                        "end of the connection's URL in make.powerapps.com.",
                });
                break;
            }
        }
    },
};

// EXTERNAL MODULE: ./src/core/rules/online-helpers.ts
var online_helpers = __nccwpck_require__(7308);
;// CONCATENATED MODULE: ./src/core/rules/cr012-connection-not-in-target.ts



const cr012_connection_not_in_target_rule = {
    meta: {
        id: 'CR012',
        name: 'connection-not-in-target',
        defaultSeverity: 'error',
        description: 'Online: the ConnectionId is not a connection in the target environment',
        details: 'With --environment, the gate lists the connections of the target environment (the Power Apps API admin ' +
            'route) and looks each bound ConnectionId up, as the import does. An id that is not there fails the import ' +
            'with ConnectionNotFound; most often it was copied from another environment. Set ConnectionId to a ' +
            "connection of the reference's connector in the target (pac connection list). When the identity may only " +
            'list its own connections (no management application), a missing id is reported as CR015 instead, since ' +
            'that route cannot tell a missing connection from one not shared.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR012'),
    },
    check(context) {
        const environment = context.target?.environmentUrl;
        for (const { ref, check } of (0,online_helpers/* connectionChecks */.ew)(context)) {
            if (check.state !== 'missing')
                continue;
            context.report({
                subject: ref.logicalName,
                location: check.entry.connectionIdLocation ?? check.entry.location,
                message: `${(0,online_helpers/* connectionIdText */.tn)(check.entry)} of connection reference ${ref.logicalName} is not a connection in ` +
                    `${environment}: the import fails with ConnectionNotFound. It is often an id copied from another ` +
                    `environment: set it to the name of a ${(0,helpers/* connectorApiName */.fw)(ref.connectorId) || 'matching'} connection ` +
                    `in ${environment} (pac connection list --environment ${environment}).`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr013-connection-wrong-connector.ts



const cr013_connection_wrong_connector_rule = {
    meta: {
        id: 'CR013',
        name: 'connection-wrong-connector',
        defaultSeverity: 'error',
        description: "Online: the bound connection belongs to another connector than the reference's connectorid",
        details: "The import looks the connection up under the reference's connector; a connection of another connector " +
            "is not found there and the import fails. The gate compares the connection's apiId with the reference's " +
            'connectorid by api name, case-insensitively. Custom connectors whose names differ only in the ' +
            'environment-specific hash are a warning, as in CR003.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR013'),
    },
    check(context) {
        const environment = context.target?.environmentUrl;
        for (const { ref, check } of (0,online_helpers/* connectionChecks */.ew)(context)) {
            if (check.state !== 'found' || !check.connection)
                continue;
            const match = (0,online_helpers/* connectorMatch */.Z)(ref, check.connection.connector);
            if (match === 'same')
                continue;
            const expected = (0,helpers/* connectorApiName */.fw)(ref.connectorId);
            context.report({
                subject: ref.logicalName,
                location: check.entry.connectionIdLocation ?? check.entry.location,
                severity: match === 'hash' ? 'warning' : 'error',
                message: match === 'hash'
                    ? `${(0,online_helpers/* connectionIdText */.tn)(check.entry)} of connection reference ${ref.logicalName} is a connection of custom ` +
                        `connector ${check.connection.connector} in ${environment}, which differs from the solution's ${expected} ` +
                        'only in the environment-specific hash. Make sure it is a connection of the custom connector this ' +
                        'solution brings.'
                    : `${(0,online_helpers/* connectionIdText */.tn)(check.entry)} of connection reference ${ref.logicalName} is a connection of ` +
                        `${check.connection.connector} in ${environment}, but the reference uses ${expected}: the import ` +
                        `cannot bind it. Set ConnectionId to a ${expected} connection.`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr014-connection-not-connected.ts


const cr014_connection_not_connected_rule = {
    meta: {
        id: 'CR014',
        name: 'connection-not-connected',
        defaultSeverity: 'warning',
        description: "Online: the bound connection's status is not Connected",
        details: 'A connection in Error (most often Unauthorized: its token expired or its password changed) imports, but ' +
            'the flows that use it fail or do not turn on. The message quotes the status, its target, and the error ' +
            'code and message the service gives. Fix the connection in make.powerapps.com (sign in again) or bind ' +
            'another one. A warning, because connections have been seen in Error that still work.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR014'),
    },
    check(context) {
        const environment = context.target?.environmentUrl;
        for (const { ref, check } of (0,online_helpers/* connectionChecks */.ew)(context)) {
            const connection = check.connection;
            if (check.state !== 'found' || !connection)
                continue;
            // A connection of another connector is CR013's; its status does not matter then.
            if ((0,online_helpers/* connectorMatch */.Z)(ref, connection.connector) === 'other')
                continue;
            const bad = connection.statuses.find((s) => s.status.toLowerCase() !== 'connected');
            if (!bad)
                continue;
            const error = [bad.code, bad.message && `"${bad.message}"`].filter(Boolean).join(': ');
            context.report({
                subject: ref.logicalName,
                location: check.entry.connectionIdLocation ?? check.entry.location,
                message: `The connection bound to connection reference ${ref.logicalName} in ${environment} has status ` +
                    `${bad.status}${bad.target ? ` (target ${bad.target})` : ''}${error ? `: ${error}` : ''}. Flows that use ` +
                    'it fail until it is fixed: open the connection in make.powerapps.com and sign in again, or bind a ' +
                    'connection that is Connected.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr015-connection-not-usable.ts


const cr015_connection_not_usable_rule = {
    meta: {
        id: 'CR015',
        name: 'connection-not-usable',
        defaultSeverity: 'error',
        description: 'Online: the identity that imports can neither own nor use the bound connection',
        details: 'The identity that runs the check is taken as the one that imports. When it neither created the connection ' +
            'nor holds a permission on it (Owner, CanEdit, CanViewWithShare or CanView), the import succeeds but the ' +
            'flows that use the connection stay off (ConnectionAuthorizationFailed). A connection shared with a group or ' +
            'the whole tenant is not reported: membership is not checked (the report says so). When the identity is no ' +
            'management application of the Power Apps API, the gate can only list the connections it may use, and an ' +
            'id missing from that list is reported here without claiming whether it is missing or not shared.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR015'),
    },
    check(context) {
        const environment = context.target?.environmentUrl;
        for (const { ref, check } of (0,online_helpers/* connectionChecks */.ew)(context)) {
            if (check.state === 'not-visible') {
                context.report({
                    subject: ref.logicalName,
                    location: check.entry.connectionIdLocation ?? check.entry.location,
                    message: `${(0,online_helpers/* connectionIdText */.tn)(check.entry)} of connection reference ${ref.logicalName} is not among the ` +
                        `connections this identity can use in ${environment}: either it is not a connection there ` +
                        '(the import fails with ConnectionNotFound) or it is not shared with this identity (flows stay off ' +
                        'after import). This identity may only list its own connections, so which one cannot be told: ' +
                        'register it as a management application (New-PowerAppManagementApp) for a full check, and share ' +
                        'the connection with it or bind one it owns.',
                });
                continue;
            }
            if (check.state !== 'found' || check.access?.kind !== 'none' || !check.connection)
                continue;
            if ((0,online_helpers/* connectorMatch */.Z)(ref, check.connection.connector) === 'other')
                continue;
            context.report({
                subject: ref.logicalName,
                location: check.entry.connectionIdLocation ?? check.entry.location,
                message: `The identity that imports neither owns the connection bound to connection reference ${ref.logicalName} ` +
                    `in ${environment}${check.connection.owner ? ` (owned by ${check.connection.owner})` : ''} nor holds a ` +
                    'permission on it: the import succeeds, but flows that use it stay off (ConnectionAuthorizationFailed). ' +
                    'Share the connection with the importing identity (Can use + share), or bind a connection it owns.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/cr016-dependency-reference-not-in-target.ts


const cr016_dependency_reference_not_in_target_rule = {
    meta: {
        id: 'CR016',
        name: 'dependency-reference-not-in-target',
        defaultSeverity: 'error',
        description: 'Online: a connection reference listed under MissingDependencies does not exist in the target',
        details: 'A connection reference under MissingDependencies in solution.xml is one the solution uses but does not ' +
            'bring: the target must already hold it, or the import fails on the missing dependency. Import the ' +
            'solution that brings it first, or add the reference to this solution.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('CR016'),
    },
    check(context) {
        const target = context.target;
        if (!target)
            return;
        const seen = new Set();
        for (const dependency of context.solution.missingDependencies) {
            if (dependency.kind !== 'connectionreference')
                continue;
            const key = (0,helpers/* nameKey */.Rc)(dependency.name);
            if (seen.has(key) || target.referenceDependencies.get(key) !== 'missing')
                continue;
            seen.add(key);
            context.report({
                subject: dependency.name,
                message: `Connection reference ${dependency.name} is listed under MissingDependencies in solution.xml, so ` +
                    `${context.solution.uniqueName} expects ${target.environmentUrl} to hold it, but it does not: the ` +
                    'import fails on the missing dependency. Import the solution that brings it first, or add the ' +
                    'connection reference to this solution.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ds001-unusable-settings.ts

const ds001_unusable_settings_rule = {
    meta: {
        id: 'DS001',
        name: 'unusable-settings',
        defaultSeverity: 'error',
        description: 'The deployment-settings file is not valid JSON or not of the pac settings shape',
        details: 'The settings file must be the JSON that pac solution create-settings writes: an object with ' +
            'ConnectionReferences (LogicalName, ConnectionId, ConnectorId) and EnvironmentVariables (SchemaName, Value) ' +
            'arrays. pac solution import rejects anything else. After this finding only the rules that need no settings ' +
            '(CR006 to CR010) run.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('DS001'),
    },
    // The engine reports DS001 from the parser's UnusableSettings: a rule only ever sees usable
    // settings, so there is nothing left to check here.
    check() { },
};

;// CONCATENATED MODULE: ./src/core/rules/ev001-environment-variable-without-value.ts


const ev001_environment_variable_without_value_rule = {
    meta: {
        id: 'EV001',
        name: 'environment-variable-without-value',
        defaultSeverity: 'error',
        description: 'An environment variable has no default value, no current value and no settings value',
        details: 'An environment variable without a default value, without a current value in the solution and without a ' +
            'Value in the deployment settings has no value after import: an unattended import fails asking for it, and ' +
            'flows and apps that read it break.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV001'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsVariablesByName */.b8)(context.settings);
        for (const variable of context.solution.environmentVariables) {
            if (variable.defaultValue !== undefined && variable.defaultValue !== '')
                continue;
            if (variable.currentValue !== undefined && variable.currentValue !== '')
                continue;
            const entries = entriesByName.get((0,helpers/* nameKey */.Rc)(variable.schemaName)) ?? [];
            // An entry with "" is EV002's finding, not this one.
            if (entries.some((entry) => entry.value !== null))
                continue;
            context.report({
                subject: variable.schemaName,
                location: entries[0]
                    ? (entries[0].valueLocation ?? entries[0].location)
                    : variable.location,
                message: `Environment variable ${variable.schemaName} (${variable.type}) has no default value, no current value ` +
                    `and no value in the deployment settings${context.settings.path === '' ? ' (none was given or found for this solution)' : ''}. Add {"SchemaName": "${variable.schemaName}", "Value": "…"} ` +
                    'to EnvironmentVariables, or give the variable a default value in the solution.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ev002-empty-environment-variable-value.ts


const ev002_empty_environment_variable_value_rule = {
    meta: {
        id: 'EV002',
        name: 'empty-environment-variable-value',
        defaultSeverity: 'error',
        description: 'A settings entry gives an environment variable the empty string',
        details: 'pac solution create-settings writes "Value": "" for every environment variable, and the import rejects the ' +
            'empty string as a value. Fill in the value, or remove the entry to keep the default value.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV002'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsVariablesByName */.b8)(context.settings);
        for (const variable of context.solution.environmentVariables) {
            const entry = (entriesByName.get((0,helpers/* nameKey */.Rc)(variable.schemaName)) ?? []).find((e) => e.value === '');
            if (entry === undefined)
                continue;
            const hasFallback = Boolean(variable.defaultValue || variable.currentValue);
            context.report({
                subject: variable.schemaName,
                location: entry.valueLocation ?? entry.location,
                message: `Environment variable ${variable.schemaName} has an empty Value in the deployment settings, which the ` +
                    'import rejects. Set the value for the target environment' +
                    (hasFallback ? ', or remove the entry to keep the value in the solution.' : '.'),
            });
        }
    },
};

// EXTERNAL MODULE: ./src/core/json.ts + 6 modules
var json = __nccwpck_require__(8265);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
;// CONCATENATED MODULE: ./src/core/rules/ev003-environment-variable-type-mismatch.ts





const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const BOOLEAN = /^(?:yes|no|true|false)$/i;
const KEY_VAULT_SECRET = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+\/secrets\/[^/]+$/i;
/** Why a value does not fit the type (without quoting a secret), or undefined when it fits. */
function typeProblem(type, value, mayShow) {
    const shown = mayShow && value.length <= 40 && !/[\r\n]/.test(value) ? ` ("${value}")` : '';
    switch (type) {
        case 'Number':
            return DECIMAL.test(value.trim()) ? undefined : `is not a decimal number${shown}`;
        case 'Boolean':
            return BOOLEAN.test(value.trim()) ? undefined : `is not yes, no, true or false${shown}`;
        case 'JSON':
            try {
                (0,json/* parseJson */.qF)(value);
                return undefined;
            }
            catch (error) {
                if (!(error instanceof json/* JsonSyntaxError */.q3))
                    throw error;
                const { line, column } = new core_text/* LineIndex */.rr(value).positionOf(error.offset);
                // The parser's message quotes the value (a character, a key): not for a secret one.
                const detail = mayShow ? `: ${error.message}` : '';
                return `is not valid JSON (line ${line}, column ${column} of the value${detail})`;
            }
        case 'Secret':
            return KEY_VAULT_SECRET.test(value.trim())
                ? undefined
                : 'is not an Azure Key Vault secret reference (/subscriptions/…/resourceGroups/…/providers/Microsoft.KeyVault/vaults/…/secrets/…)';
        default:
            return undefined;
    }
}
const ev003_environment_variable_type_mismatch_rule = {
    meta: {
        id: 'EV003',
        name: 'environment-variable-type-mismatch',
        defaultSeverity: 'error',
        description: "A settings value does not fit the environment variable's type",
        details: 'The import rejects a value that does not fit the type of the environment variable: a Number must be a decimal ' +
            'number, a Boolean yes, no, true or false, a JSON variable valid JSON, and a Secret an Azure Key Vault secret ' +
            'reference. Only settings values are checked, not the defaults in the solution.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV003'),
    },
    check(context) {
        if (!context.settings)
            return;
        const entriesByName = (0,helpers/* settingsVariablesByName */.b8)(context.settings);
        for (const variable of context.solution.environmentVariables) {
            for (const entry of entriesByName.get((0,helpers/* nameKey */.Rc)(variable.schemaName)) ?? []) {
                // Empty is EV002's finding and a placeholder CR002's.
                if (entry.value === null ||
                    entry.value === '' ||
                    (0,settings/* findPlaceholder */.$e)(entry.value) !== undefined)
                    continue;
                const problem = typeProblem(variable.type, entry.value, !entry.secret && variable.type !== 'Secret');
                if (problem === undefined)
                    continue;
                context.report({
                    subject: variable.schemaName,
                    location: entry.valueLocation ?? entry.location,
                    message: `The Value of ${variable.type} environment variable ${variable.schemaName} ${problem}. Set a value of that type.`,
                });
                break;
            }
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ev004-stale-environment-variable-entry.ts


function ev004_stale_environment_variable_entry_checkSettingsFile({ settings, solutions, report }) {
    const defined = new Set(solutions.flatMap((solution) => solution.environmentVariables.map((v) => (0,helpers/* nameKey */.Rc)(v.schemaName))));
    for (const [key, entries] of (0,helpers/* settingsVariablesByName */.b8)(settings)) {
        if (defined.has(key))
            continue;
        const entry = entries[0];
        report({
            subject: entry.schemaName,
            location: entry.location,
            message: `The deployment settings name environment variable ${entry.schemaName}, ${(0,helpers/* whichNoneDefines */.m2)(solutions)}. ` +
                'Remove the stale entry, or correct the SchemaName.',
        });
    }
}
const ev004_stale_environment_variable_entry_rule = {
    meta: {
        id: 'EV004',
        name: 'stale-environment-variable-entry',
        defaultSeverity: 'warning',
        description: 'A settings entry names an environment variable that the solution does not define',
        details: 'An EnvironmentVariables entry whose SchemaName matches no environment variable in the solution is ignored by ' +
            'the import. It is usually left over from a removed variable, or a typo, in which case the variable it was ' +
            'meant for gets no value. Where several solutions are checked against one settings file (a monorepo), an ' +
            'entry is stale only when none of them defines it, and it is reported once for the file.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV004'),
    },
    check(context) {
        if (!context.settings)
            return;
        ev004_stale_environment_variable_entry_checkSettingsFile({ ...context, settings: context.settings, solutions: [context.solution] });
    },
    checkSettingsFile: ev004_stale_environment_variable_entry_checkSettingsFile,
};

;// CONCATENATED MODULE: ./src/core/rules/ev005-duplicate-environment-variable-entry.ts


const ev005_duplicate_environment_variable_entry_rule = {
    meta: {
        id: 'EV005',
        name: 'duplicate-environment-variable-entry',
        defaultSeverity: 'error',
        description: 'Two settings entries name the same environment variable',
        details: 'When EnvironmentVariables holds the same SchemaName twice (names compare case-insensitively), which value ' +
            'the import uses is not under your control, and editing one copy silently has no effect.',
        needsSettings: true,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV005'),
    },
    check(context) {
        if (!context.settings)
            return;
        for (const entries of (0,helpers/* settingsVariablesByName */.b8)(context.settings).values()) {
            if (entries.length < 2)
                continue;
            const first = entries[0];
            context.report({
                subject: first.schemaName,
                location: entries[1].location,
                message: `Environment variable ${first.schemaName} has ${entries.length} entries in the deployment settings` +
                    `${(0,helpers/* lines */.Mn)(entries)}. Keep one entry per environment variable.`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ev006-dependency-variable-not-in-target.ts


const ev006_dependency_variable_not_in_target_rule = {
    meta: {
        id: 'EV006',
        name: 'dependency-variable-not-in-target',
        defaultSeverity: 'error',
        description: 'Online: an environment variable listed under MissingDependencies has no definition in the target',
        details: 'An environment variable under MissingDependencies in solution.xml is one the solution uses but does not ' +
            'bring: the target must already define it, or the import fails on the missing dependency. Import the ' +
            'solution that brings the definition first, or add it to this solution.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV006'),
    },
    check(context) {
        const target = context.target;
        if (!target)
            return;
        const seen = new Set();
        for (const dependency of context.solution.missingDependencies) {
            if (dependency.kind !== 'environmentvariable')
                continue;
            const key = (0,helpers/* nameKey */.Rc)(dependency.name);
            if (seen.has(key) || target.variableDependencies.get(key) !== 'missing')
                continue;
            seen.add(key);
            context.report({
                subject: dependency.name,
                message: `Environment variable ${dependency.name} is listed under MissingDependencies in solution.xml, so ` +
                    `${context.solution.uniqueName} expects ${target.environmentUrl} to define it, but it has no ` +
                    'definition there: the import fails on the missing dependency. Import the solution that brings the ' +
                    'definition first, or add it to this solution.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ev007-unmanaged-variable-in-target.ts


const ev007_unmanaged_variable_in_target_rule = {
    meta: {
        id: 'EV007',
        name: 'unmanaged-variable-in-target',
        defaultSeverity: 'warning',
        description: 'Online: the target already holds an unmanaged definition of an environment variable the solution brings',
        details: 'When the target holds an unmanaged definition of a variable that a managed solution brings, the managed ' +
            'import silently absorbs it: the definition stays with an unmanaged layer on top, which later upgrades and ' +
            'uninstalls do not remove. Usually someone created the variable by hand in the target. Remove the unmanaged ' +
            'definition (or its layer) before a managed import, or accept it knowingly.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('EV007'),
    },
    check(context) {
        const target = context.target;
        if (!target)
            return;
        const seen = new Set();
        for (const variable of context.solution.environmentVariables) {
            const key = (0,helpers/* nameKey */.Rc)(variable.schemaName);
            if (seen.has(key) || !target.unmanagedVariables.has(key))
                continue;
            seen.add(key);
            context.report({
                subject: variable.schemaName,
                location: variable.location,
                message: `${target.environmentUrl} already holds an unmanaged definition of environment variable ` +
                    `${variable.schemaName}, which ${context.solution.uniqueName} brings: a managed import silently absorbs ` +
                    'it and leaves an unmanaged layer on top. Remove the unmanaged definition from the target first, or ' +
                    'accept the layer knowingly.',
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/ol001-online-check-incomplete.ts

const ol001_online_check_incomplete_rule = {
    meta: {
        id: 'OL001',
        name: 'online-check-incomplete',
        defaultSeverity: 'warning',
        description: 'Online: a check against the target environment could not run, or not fully',
        details: 'The online checks (CR012–CR016, EV006, EV007) need to sign in and read the target. When that fails (no ' +
            'credentials, a rejected sign-in, 401 or 403, a missing privilege, the network, throttling past the retry ' +
            'budget, the deadline, an answer that is not what the API returns), the gate says what it skipped and why ' +
            'instead of passing silently, and never turns the failure into a finding about a connection. A warning; an ' +
            'error with --online strict (fail closed).',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('OL001'),
    },
    check(context) {
        const target = context.target;
        if (!target)
            return;
        for (const problem of target.problems) {
            context.report({
                subject: target.environmentUrl,
                severity: target.strict ? 'error' : 'warning',
                message: `Online check of ${target.environmentUrl}: ${problem.skipped} not checked: ${problem.why.replace(/[.\s]+$/, '')}.`,
            });
        }
    },
};

;// CONCATENATED MODULE: ./src/core/rules/sl001-unreadable-solution.ts

const sl001_unreadable_solution_rule = {
    meta: {
        id: 'SL001',
        name: 'unreadable-solution',
        defaultSeverity: 'error',
        description: 'A solution cannot be read',
        details: 'The path is not a readable Dataverse solution: not a zip, no solution.xml, malformed XML or JSON in a file ' +
            'that matters, or a legacy export package (manifest.json with Microsoft.Flow/ or Microsoft.PowerApps/) that ' +
            'pac solution import does not accept. No other rule can check it.',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)('SL001'),
    },
    // The engine reports SL001 from the reader's UnreadableSolution: rules only ever see solutions
    // that were read, so there is nothing left to check here.
    check() { },
};

;// CONCATENATED MODULE: ./src/core/rules/index.ts



























/** Every rule, in id order. */
const allRules = Object.freeze([
    rule,
    cr002_unresolved_placeholder/* rule */.Hu,
    cr003_connector_mismatch_rule,
    cr004_stale_connection_reference_entry_rule,
    cr005_duplicate_connection_reference_entry_rule,
    cr006_undefined_connection_reference_rule,
    cr007_direct_connection_rule,
    cr008_canvas_app_custom_connector_rule,
    cr009_duplicate_display_name_rule,
    cr010_unused_connection_reference_rule,
    cr011_implausible_connection_id_rule,
    cr012_connection_not_in_target_rule,
    cr013_connection_wrong_connector_rule,
    cr014_connection_not_connected_rule,
    cr015_connection_not_usable_rule,
    cr016_dependency_reference_not_in_target_rule,
    ds001_unusable_settings_rule,
    ev001_environment_variable_without_value_rule,
    ev002_empty_environment_variable_value_rule,
    ev003_environment_variable_type_mismatch_rule,
    ev004_stale_environment_variable_entry_rule,
    ev005_duplicate_environment_variable_entry_rule,
    ev006_dependency_variable_not_in_target_rule,
    ev007_unmanaged_variable_in_target_rule,
    ol001_online_check_incomplete_rule,
    sl001_unreadable_solution_rule,
]);
const rulesById = new Map(allRules.map((rule) => [rule.meta.id, rule]));
/** The rule with this id (any casing), or undefined. */
function findRule(id) {
    return rulesById.get(id.trim().toUpperCase());
}
const SEVERITY_OVERRIDES = ['error', 'warning', 'note', 'off'];
/**
 * Parses `ID=error|warning|note|off` overrides, as given to `--rule` or the adapters' `rules`
 * input. An entry may hold several overrides on separate lines or separated by commas; blank
 * lines and `#` comments are ignored. Throws UsageError for anything else.
 */
function parseRuleOverrides(entries) {
    // Keys are only ever known rule ids, so a plain object is safe.
    const overrides = {};
    for (const entry of entries) {
        for (const rawLine of entry.split(/\r?\n/)) {
            const line = rawLine.replace(/#.*$/, '');
            for (const part of line.split(',')) {
                const override = part.trim();
                if (override === '')
                    continue;
                const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(override);
                if (!match) {
                    throw new errors/* UsageError */.e(`rule override "${override}" is not of the form ID=error|warning|note|off (e.g. CR010=off)`);
                }
                const rule = findRule(match[1]);
                if (rule === undefined) {
                    throw new errors/* UsageError */.e(`unknown rule id "${match[1]}" in rule override "${override}"; known ids: ${allRules.map((r) => r.meta.id).join(', ')}`);
                }
                const severity = match[2].toLowerCase();
                if (!SEVERITY_OVERRIDES.includes(severity)) {
                    throw new errors/* UsageError */.e(`bad severity "${match[2]}" in rule override "${override}"; use error, warning, note or off`);
                }
                overrides[rule.meta.id] = severity;
            }
        }
    }
    return overrides;
}


/***/ }),

/***/ 7308:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ connectorMatch),
/* harmony export */   ew: () => (/* binding */ connectionChecks),
/* harmony export */   tn: () => (/* binding */ connectionIdText)
/* harmony export */ });
/* harmony import */ var _helpers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8046);

/** Each reference of the solution with the online check of its bound connection, if any. */
function connectionChecks(context) {
    const target = context.target;
    if (!target)
        return [];
    const out = [];
    for (const ref of context.solution.connectionReferences) {
        const check = target.connections.get((0,_helpers_js__WEBPACK_IMPORTED_MODULE_0__/* .nameKey */ .Rc)(ref.logicalName));
        if (check)
            out.push({ ref, check });
    }
    return out;
}
/** `ConnectionId 'x'`, or only `its ConnectionId` when the value came from a secret. */
function connectionIdText(entry) {
    return entry.secret || entry.connectionId === null
        ? 'its ConnectionId'
        : `ConnectionId '${entry.connectionId.trim()}'`;
}
/**
 * How the connection's connector compares with the reference's: `same`, `hash` (custom
 * connectors whose ids differ only in the environment-specific hash, as CR003 treats them) or
 * `other`. A reference without a connector id cannot be compared: `same`.
 */
function connectorMatch(ref, connector) {
    if (ref.connectorId.trim() === '' || connector === '')
        return 'same';
    const expected = (0,_helpers_js__WEBPACK_IMPORTED_MODULE_0__/* .connectorApiName */ .fw)(ref.connectorId);
    if (expected === connector.toLowerCase())
        return 'same';
    const stem = (0,_helpers_js__WEBPACK_IMPORTED_MODULE_0__/* .customConnectorStem */ .YB)(ref.connectorId);
    return stem !== undefined && stem === (0,_helpers_js__WEBPACK_IMPORTED_MODULE_0__/* .customConnectorStem */ .YB)(connector) ? 'hash' : 'other';
}


/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ findPlaceholder),
/* harmony export */   P$: () => (/* binding */ parseSettings),
/* harmony export */   bi: () => (/* binding */ emptySettings),
/* harmony export */   pV: () => (/* binding */ readSettingsBytes),
/* harmony export */   ur: () => (/* binding */ readSettingsFile)
/* harmony export */ });
/* unused harmony exports MAX_SETTINGS_BYTES, substitutePlaceholders */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4296);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8265);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2020);
// Reads `pac solution create-settings` deployment-settings files: the JSON (json.ts, which keeps
// the offsets findings point at), its shape, and the placeholders substituted in its values.






/** Settings files are a few KB; anything this big is a mistake or an attack on memory. */
const MAX_SETTINGS_BYTES = 32 * 1024 * 1024;
// The JSON parser moved to json.ts; these names stay importable from here.

/** Any casing is accepted, since .NET JSON binding (pac) falls back to case-insensitive names. */
function member(object, key) {
    return (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .findMember */ .gz)(object.members, key);
}
function kindName(value) {
    switch (value.kind) {
        case 'object':
            return 'an object';
        case 'array':
            return 'an array';
        case 'string':
            return 'a string';
        case 'number':
            return 'a number';
        case 'boolean':
            return 'a boolean';
        case 'null':
            return 'null';
    }
}
// ---------------------------------------------------------------------------------------------
// Placeholders (SPEC section 4)
/** Forms substituted from the environment: `#{NAME}#`, `#{NAME}`, `$(NAME)`. */
const SUBSTITUTABLE = /#\{([^{}]+)\}#?|\$\(([^()]+)\)/g;
/** Every placeholder form CR002 recognizes, substituted or not. */
const PLACEHOLDER_FORMS = [
    /#\{[^{}]+\}#?/,
    /\$\([^()]+\)/,
    // Not /\$\{\{.*?\}\}/: on a value of many `${{` without `}}` that regex is quadratic.
    { exec: findExpression },
    /@@[^@]+@@/,
    /__[A-Za-z][\w.-]*__/,
];
/** `${{ … }}` on one line, as /\$\{\{.*?\}\}/ finds it, in linear time. */
function findExpression(value) {
    const lineBreak = /[\n\r\u2028\u2029]/g;
    for (let start = value.indexOf('${{'); start >= 0;) {
        const end = value.indexOf('}}', start + 3);
        if (end < 0)
            return null;
        lineBreak.lastIndex = start;
        const breakAt = lineBreak.exec(value)?.index ?? Infinity;
        if (end < breakAt) {
            const match = [value.slice(start, end + 2)];
            match.index = start;
            return match;
        }
        start = value.indexOf('${{', breakAt);
    }
    return null;
}
/** The first placeholder left in a value (`#{…}#`, `#{…}`, `$(…)`, `${{ … }}`, `@@…@@`, `__…__`). */
function findPlaceholder(value) {
    let first;
    for (const form of PLACEHOLDER_FORMS) {
        const match = form.exec(value);
        if (match && (first === undefined || match.index < first.index)) {
            first = { index: match.index, text: match[0] };
        }
    }
    return first?.text;
}
/**
 * The value of a placeholder name. Azure Pipelines exposes variable `a.b` as `A_B`, so after the
 * name as written, the upper-cased name with `.` and spaces as `_` is tried.
 */
function lookUp(name, env) {
    const trimmed = name.trim();
    if (trimmed === '')
        return undefined;
    const direct = Object.hasOwn(env, trimmed) ? env[trimmed] : undefined;
    if (direct !== undefined)
        return direct;
    const pipelineName = trimmed.toUpperCase().replace(/[.\s]/g, '_');
    return Object.hasOwn(env, pipelineName) ? env[pipelineName] : undefined;
}
/**
 * Replaces `#{NAME}#`, `#{NAME}` and `$(NAME)` from env in one pass (a replacement is not scanned
 * again). Placeholders without a value stay as they are, for CR002 to report.
 */
function substitutePlaceholders(value, env, secrets) {
    let substituted = false;
    const result = value.replace(SUBSTITUTABLE, (whole, hashName, dollarName) => {
        const replacement = lookUp(hashName ?? dollarName ?? '', env);
        if (replacement === undefined)
            return whole;
        substituted = true;
        if (replacement !== '')
            secrets?.add(replacement);
        return replacement;
    });
    return { value: result, substituted };
}
// ---------------------------------------------------------------------------------------------
// The settings shape
/** Top-level keys of the ALM Accelerator's customDeploymentSettings.json. */
const CUSTOM_DEPLOYMENT_SETTINGS_KEYS = new Set([
    'ActivateFlowConfiguration',
    'SolutionComponentOwnershipConfiguration',
    'FlowShareWithGroupTeamConfiguration',
    'ConnectorShareWithGroupTeamConfiguration',
    'AadGroupCanvasConfiguration',
    'AadGroupTeamConfiguration',
    'WebhookUrls',
    'OrgSettings',
    'SDKMessages',
].map((key) => key.toLowerCase()));
const EXPECTED_SHAPE = 'a pac deployment-settings file ({"EnvironmentVariables":[…],"ConnectionReferences":[…]}, as written by `pac solution create-settings`)';
class ShapeError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
function isAlmPipelineSettings(root) {
    return (root.kind === 'array' &&
        root.items.some((item) => item.kind === 'object' && member(item, 'UserSettings') !== undefined));
}
function isCustomDeploymentSettings(root) {
    return (root.kind === 'object' &&
        root.members.some((m) => CUSTOM_DEPLOYMENT_SETTINGS_KEYS.has(m.key.toLowerCase())));
}
function requireSection(root, key) {
    const section = member(root, key);
    if (section === undefined)
        return [];
    if (section.value.kind !== 'array') {
        throw new ShapeError(`"${section.key}" is ${kindName(section.value)}; expected an array of entries`, section.value.offset);
    }
    return section.value.items;
}
function requireEntryObject(item, section, index) {
    if (item.kind !== 'object') {
        throw new ShapeError(`entry ${index + 1} of "${section}" is ${kindName(item)}; expected an object`, item.offset);
    }
    return item;
}
function requireName(entry, key, section, index) {
    const m = member(entry, key);
    if (m === undefined) {
        throw new ShapeError(`entry ${index + 1} of "${section}" has no "${key}"; expected a string`, entry.offset);
    }
    if (m.value.kind !== 'string') {
        throw new ShapeError(`"${m.key}" in entry ${index + 1} of "${section}" is ${kindName(m.value)}; expected a string`, m.value.offset);
    }
    return m;
}
/** A string-or-null key: its value (null when missing), and where its key is when present. */
function optionalString(entry, key, section, index) {
    const m = member(entry, key);
    if (m === undefined)
        return { value: null };
    if (m.value.kind === 'null')
        return { value: null, keyOffset: m.keyOffset };
    if (m.value.kind !== 'string') {
        throw new ShapeError(`"${m.key}" in entry ${index + 1} of "${section}" is ${kindName(m.value)}; expected a string or null`, m.value.offset);
    }
    return { value: m.value.value, keyOffset: m.keyOffset };
}
/**
 * Parses deployment-settings bytes (UTF-8 with or without BOM, UTF-16) and substitutes
 * placeholders from env. `reportPath` names the file in reasons and locations.
 */
function parseSettings(bytes, reportPath, env = {}) {
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(reportPath);
    let text;
    try {
        text = (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeText */ .g7)(bytes, { strict: true });
    }
    catch (error) {
        if (!(error instanceof _text_js__WEBPACK_IMPORTED_MODULE_4__/* .TextDecodingError */ .hF))
            throw error;
        return {
            unusable: {
                path: reportPath,
                reason: `${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(name)}: the file ${error.message}; save it as UTF-8`,
                location: { file: reportPath },
            },
        };
    }
    const lines = new _text_js__WEBPACK_IMPORTED_MODULE_4__/* .LineIndex */ .rr(text);
    const locate = (offset) => ({ file: reportPath, ...lines.positionOf(offset) });
    const unusable = (what, offset) => {
        const location = locate(offset);
        return {
            unusable: {
                path: reportPath,
                // Keys and characters quoted from the file may hold line breaks: keep one line.
                reason: (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(`${name} (line ${location.line}, column ${location.column}): ${what}`),
                location,
            },
        };
    };
    if (text.trim() === '') {
        return unusable(`the file is empty; expected ${EXPECTED_SHAPE}`, 0);
    }
    let root;
    try {
        root = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(text);
    }
    catch (error) {
        if (error instanceof _json_js__WEBPACK_IMPORTED_MODULE_3__/* .JsonSyntaxError */ .q3) {
            return unusable(`not valid JSON: ${error.message}`, error.offset);
        }
        throw error;
    }
    if (isAlmPipelineSettings(root)) {
        return unusable(`this is an ALM Accelerator pipeline deployment-settings file (a list of stages with UserSettings such as connectionreference.<name>), not ${EXPECTED_SHAPE}: give the config/<environment>/deploymentSettings.json of the solution instead`, root.offset);
    }
    if (root.kind !== 'object') {
        return unusable(`the top level is ${kindName(root)}; expected ${EXPECTED_SHAPE}`, root.offset);
    }
    const hasReferences = member(root, 'ConnectionReferences') !== undefined;
    const hasVariables = member(root, 'EnvironmentVariables') !== undefined;
    if (!hasReferences && !hasVariables) {
        if (isCustomDeploymentSettings(root)) {
            return unusable(`this is a customDeploymentSettings.json (ALM Accelerator flow activation, sharing and ownership settings), not ${EXPECTED_SHAPE}: give the deploymentSettings.json next to it instead`, root.offset);
        }
        return unusable(`the top level holds neither "ConnectionReferences" nor "EnvironmentVariables"; expected ${EXPECTED_SHAPE}`, root.offset);
    }
    const secrets = new Set();
    const connectionReferences = [];
    const environmentVariables = [];
    try {
        // Findings about a whole entry point at its name; findings about a value at that value's key
        // (the entry's name when the key is missing).
        requireSection(root, 'ConnectionReferences').forEach((item, index) => {
            const entry = requireEntryObject(item, 'ConnectionReferences', index);
            const nameMember = requireName(entry, 'LogicalName', 'ConnectionReferences', index);
            // Names are printed in findings: a line break in one must not start a new log line.
            const logicalName = (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeControlCharacters */ .F7)(nameMember.value.value);
            const rawConnectionId = optionalString(entry, 'ConnectionId', 'ConnectionReferences', index);
            const rawConnectorId = optionalString(entry, 'ConnectorId', 'ConnectionReferences', index);
            const connectionId = rawConnectionId.value === null
                ? null
                : substitutePlaceholders(rawConnectionId.value, env, secrets);
            const connectorId = rawConnectorId.value === null
                ? null
                : substitutePlaceholders(rawConnectorId.value, env, secrets);
            const location = locate(nameMember.keyOffset);
            connectionReferences.push({
                logicalName,
                connectionId: connectionId?.value ?? null,
                connectorId: connectorId?.value ?? null,
                secret: (connectionId?.substituted ?? false) || (connectorId?.substituted ?? false),
                location,
                connectionIdLocation: rawConnectionId.keyOffset === undefined ? location : locate(rawConnectionId.keyOffset),
                connectorIdLocation: rawConnectorId.keyOffset === undefined ? location : locate(rawConnectorId.keyOffset),
            });
        });
        requireSection(root, 'EnvironmentVariables').forEach((item, index) => {
            const entry = requireEntryObject(item, 'EnvironmentVariables', index);
            const nameMember = requireName(entry, 'SchemaName', 'EnvironmentVariables', index);
            const schemaName = (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeControlCharacters */ .F7)(nameMember.value.value);
            const rawValue = optionalString(entry, 'Value', 'EnvironmentVariables', index);
            const value = rawValue.value === null ? null : substitutePlaceholders(rawValue.value, env, secrets);
            const location = locate(nameMember.keyOffset);
            environmentVariables.push({
                schemaName,
                value: value?.value ?? null,
                secret: value?.substituted ?? false,
                location,
                valueLocation: rawValue.keyOffset === undefined ? location : locate(rawValue.keyOffset),
            });
        });
    }
    catch (error) {
        if (error instanceof ShapeError) {
            // The message names the key, the entry and what the schema expects there
            // (schema/deployment-settings.schema.json); the location gives line and column.
            return unusable(`${error.message} (the shape that pac solution create-settings writes)`, error.offset);
        }
        throw error;
    }
    return {
        settings: { path: reportPath, connectionReferences, environmentVariables },
        secrets: [...secrets],
    };
}
/**
 * The bytes of a settings file, or why they cannot be read (one line). A pull request controls
 * this path: never follow a link out of the checkout, never block on a FIFO (O_NONBLOCK), and
 * only read a regular file of a sane size.
 */
async function readSettingsBytes(absPath, reportPath) {
    const name = (0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(reportPath));
    const unusable = (reason) => ({
        unusable: { path: reportPath, reason, location: { file: reportPath } },
    });
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(absPath, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        if (error.code === 'ELOOP') {
            return unusable(`${name}: is a symbolic link; settings files are not read through links (a pull request controls them), name the file itself`);
        }
        return unusable(`${name}: cannot be read (${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error))}); check the path and permissions`);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            return unusable(`${name}: is not a regular file; name a JSON file`);
        if (stats.size > MAX_SETTINGS_BYTES) {
            return unusable(`${name}: is ${stats.size} bytes, over the ${MAX_SETTINGS_BYTES}-byte limit for a settings file`);
        }
        return { bytes: await handle.readFile() };
    }
    catch (error) {
        return unusable(`${name}: cannot be read (${(0,_text_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .g)(error))}); check the path and permissions`);
    }
    finally {
        await handle.close();
    }
}
/** Reads and parses a settings file; a read error is an UnusableSettings with the reason. */
async function readSettingsFile(absPath, reportPath, env = {}) {
    const read = await readSettingsBytes(absPath, reportPath);
    return 'unusable' in read ? read : parseSettings(read.bytes, reportPath, env);
}
/** Settings for checking without a settings file (SPEC section 2: empty settings). */
function emptySettings(path = '') {
    return { path, connectionReferences: [], environmentVariables: [] };
}


/***/ }),

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ escapeControlCharacters),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   X0: () => (/* binding */ detectEncoding),
/* harmony export */   g7: () => (/* binding */ decodeText),
/* harmony export */   hF: () => (/* binding */ TextDecodingError),
/* harmony export */   n6: () => (/* binding */ compareText),
/* harmony export */   rr: () => (/* binding */ LineIndex)
/* harmony export */ });
/* unused harmony export MAX_LINE_LENGTH */
// Dataverse writes UTF-8 with or without a BOM, and UTF-16LE with a BOM (2020/2021 CoE flows,
// Connections.json). Everything that reads text goes through decodeText.
const lenient = {
    utf8: new TextDecoder('utf-8'),
    utf16le: new TextDecoder('utf-16le'),
    utf16be: new TextDecoder('utf-16be'),
};
const strict = {
    utf8: new TextDecoder('utf-8', { fatal: true }),
    utf16le: new TextDecoder('utf-16le', { fatal: true }),
    utf16be: new TextDecoder('utf-16be', { fatal: true }),
};
/** Bytes that are not valid in the encoding they claim (strict decoding only). */
class TextDecodingError extends Error {
    name = 'TextDecodingError';
}
/** The encoding of text bytes by their BOM, else by a NUL-byte sniff, else UTF-8; `start` skips the BOM. */
function detectEncoding(bytes) {
    // Indexed, not destructured: destructuring a Buffer runs its iterator (thousands of flows).
    const b0 = bytes[0];
    const b1 = bytes[1];
    const b2 = bytes[2];
    if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
        return { encoding: 'utf8', start: 3 };
    if (b0 === 0xff && b1 === 0xfe)
        return { encoding: 'utf16le', start: 2 };
    if (b0 === 0xfe && b1 === 0xff)
        return { encoding: 'utf16be', start: 2 };
    // UTF-16 without a BOM still starts with an ASCII character and a NUL byte.
    if (bytes.length >= 2 && b0 !== 0 && b1 === 0)
        return { encoding: 'utf16le', start: 0 };
    if (bytes.length >= 2 && b0 === 0 && b1 !== 0)
        return { encoding: 'utf16be', start: 0 };
    return { encoding: 'utf8', start: 0 };
}
/**
 * Decodes bytes by their BOM (UTF-8, UTF-16LE, UTF-16BE), else by a NUL-byte sniff, else UTF-8.
 * Lenient by default (bad sequences become U+FFFD); with `strict`, invalid UTF-8 and lone UTF-16
 * surrogates throw TextDecodingError, so untrusted input cannot smuggle them in.
 */
function decodeText(bytes, options = {}) {
    const decoders = options.strict ? strict : lenient;
    const { encoding, start } = detectEncoding(bytes);
    try {
        return decoders[encoding].decode(bytes.subarray(start));
    }
    catch {
        throw new TextDecodingError(encoding === 'utf8'
            ? 'is not valid UTF-8 text'
            : `is not valid ${encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text (odd length or a lone surrogate)`);
    }
}
/**
 * Line breaks and other control characters as visible escapes (`\n`, `\r`, `\u0000`): names a
 * pull request writes (a zip entry `a\n::error::x.json`, an attribute holding `&#10;`) then cannot
 * start a new line in a log, where a CI runner would read it as a command.
 */
function escapeControlCharacters(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Longest reason or message line: parser messages quote names and attributes of any length. */
const MAX_LINE_LENGTH = 1000;
/**
 * One line of text for reasons and messages: line breaks and other control characters (which a
 * hostile file or entry name can carry) become visible escapes, `\n`, `\r`, `\u0000`, and the
 * line is cut to `maxLength` characters, ending in `…`.
 */
function oneLine(text, maxLength = MAX_LINE_LENGTH) {
    const line = escapeControlCharacters(text);
    if (line.length <= maxLength)
        return line;
    let cut = maxLength - 1;
    // Do not split a surrogate pair.
    if (/[\udc00-\udfff]/.test(line[cut] ?? ''))
        cut--;
    return `${line.slice(0, cut)}…`;
}
/**
 * Maps character offsets in a text to 1-based line and column numbers.
 * Built once per file so that many look-ups stay cheap.
 */
class LineIndex {
    lineStarts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
            this.lineStarts.push(i + 1);
        }
    }
    /** 1-based line of a 0-based character offset. */
    lineOf(offset) {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if ((this.lineStarts[mid] ?? 0) <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return low + 1;
    }
    /** 0-based offset at which a 1-based line starts (the text's end past its last line). */
    startOf(line) {
        return this.lineStarts[Math.max(0, line - 1)] ?? Number.MAX_SAFE_INTEGER;
    }
    /** 1-based line and column of a 0-based character offset. */
    positionOf(offset) {
        const line = this.lineOf(offset);
        return { line, column: offset - (this.lineStarts[line - 1] ?? 0) + 1 };
    }
}
/** Code-unit order, the order reports are sorted in (locale-independent, so runs agree). */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 3323:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hS: () => (/* binding */ ruleDocsUrl),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   ld: () => (/* binding */ REPOSITORY_URL),
/* harmony export */   xv: () => (/* binding */ VERSION)
/* harmony export */ });
// Kept in step with package.json by test/version.test.ts; a literal so the bundles need no JSON import.
const VERSION = '1.0.0';
const TOOL_NAME = 'connref-gate';
const REPOSITORY_URL = 'https://github.com/connref-gate/connref-gate';
/** The docs page of a rule, used by messages, SARIF helpUri and summaries. */
function ruleDocsUrl(ruleId) {
    return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./node_modules/azure-pipelines-task-lib/task.js
var task = __nccwpck_require__(358);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/format/common.ts
var common = __nccwpck_require__(5806);
// EXTERNAL MODULE: ./src/core/rules/index.ts + 25 modules
var rules = __nccwpck_require__(6850);
// EXTERNAL MODULE: ./src/core/version.ts
var version = __nccwpck_require__(3323);
;// CONCATENATED MODULE: ./src/core/adapter-support.ts
// What the CI adapters (GitHub Action, Azure DevOps task) share beyond the gate itself: parsing
// raw input values, making paths repository-relative, splitting secrets for masking, and the
// one-line texts they log. Platform-neutral: each adapter reads its own inputs, names them in its
// own style (`fail-on` or `failOn`) and hands the raw strings here.






const FAIL_ON_VALUES = ['error', 'warning', 'never'];
/** A multi-line input: trimmed lines, without empty lines and `#` comment lines. */
function inputLines(value) {
    return (value ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/**
 * `check` (default, also for an empty value) or `init --check`; spacing and case do not matter.
 * `ci` names where the drift check runs (`a workflow`, `a pipeline`) in the hint for `init`.
 */
function parseCommand(raw, name, ci) {
    const value = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    if (value === '' || value === 'check')
        return 'check';
    if (value === 'init --check')
        return 'init-check';
    const hint = value === 'init'
        ? ` (init writes the settings file: run it where you commit, and use 'init --check' in ${ci})`
        : '';
    throw new errors/* UsageError */.e(`input '${name}' is '${raw}': use check or init --check${hint}`);
}
/** The one-line refusal of an output input (`sarif-file`, `resolved-settings`) with `init --check`. */
function notForInitCheck(name) {
    return new errors/* UsageError */.e(`input '${name}' is for command 'check': 'init --check' compares the settings with the solution and writes nothing`);
}
/** `error` (default), `warning` or `never`, in any case. */
function parseFailOn(raw, name) {
    const value = raw.trim().toLowerCase() || 'error';
    if (!FAIL_ON_VALUES.includes(value)) {
        throw new errors/* UsageError */.e(`input '${name}' is '${raw}': use one of ${FAIL_ON_VALUES.join(', ')}`);
    }
    return value;
}
/** `resolve` (default) or `defer`, in any case. */
function parsePlaceholders(raw, name) {
    const value = raw.trim().toLowerCase() || 'resolve';
    if (value !== 'resolve' && value !== 'defer') {
        throw new errors/* UsageError */.e(`input '${name}' is '${raw}': use resolve (a placeholder left is an error) or defer (pull-request validation: the deploy stage fills them in)`);
    }
    return value;
}
/** true/yes/on or false/no/off, in any case; empty gives `fallback`. */
function parseBoolean(raw, name, fallback) {
    const value = raw.trim().toLowerCase();
    if (value === '')
        return fallback;
    if (['true', 'yes', 'on'].includes(value))
        return true;
    if (['false', 'no', 'off'].includes(value))
        return false;
    throw new errors/* UsageError */.e(`input '${name}' is '${raw}': use true or false`);
}
/** Rule overrides, one `ID=SEVERITY` per line; a bad one is a UsageError naming the input. */
function parseRulesInput(lines, name) {
    try {
        return (0,rules/* parseRuleOverrides */.Lc)(lines);
    }
    catch (error) {
        throw new errors/* UsageError */.e(`input '${name}': ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
/** The solution lines, which must not be empty. */
function requireSolutions(lines, name) {
    if (lines.length === 0) {
        throw new errors/* UsageError */.e(`input '${name}' is required: give one solution path or glob per line (a zip, an unpacked folder, or a folder holding several)`);
    }
    return lines;
}
/**
 * The working directory (`input`, relative to the repository root `root`, e.g. GITHUB_WORKSPACE
 * or Build.SourcesDirectory) and how paths given relative to it reach the core. Throws a
 * UsageError naming the input when it is not a folder.
 */
function pathBase(root, input, name) {
    const workingDirectory = (0,external_node_path_.resolve)(root, input);
    if (!isDirectory(workingDirectory)) {
        throw new errors/* UsageError */.e(`input '${name}': ${workingDirectory} does not exist or is not a folder`);
    }
    // Inside the repository, hand the core repository-relative patterns: every path it reports is
    // then relative to the repository root, which is what annotations and code scanning expect.
    const prefix = (0,external_node_path_.relative)(root, workingDirectory).split(external_node_path_.sep).join('/');
    const insideRepository = prefix === '' || (prefix !== '..' && !prefix.startsWith('../') && !(0,external_node_path_.isAbsolute)(prefix));
    return {
        workingDirectory,
        cwd: insideRepository ? root : workingDirectory,
        insideRepository,
        toCorePattern: (pattern) => !insideRepository || prefix === '' || (0,external_node_path_.isAbsolute)(pattern)
            ? pattern
            : external_node_path_.posix.join(prefix, pattern),
    };
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
// ---------------------------------------------------------------------------------------------
// Secrets
/** The non-blank lines of a secret value: runners mask line by line. */
function secretLines(secret) {
    return secret.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}
/**
 * The strings to hide: every non-blank secret and each line of a multi-line one, once each,
 * longest first (so that a longer value is replaced before a line inside it).
 */
function secretParts(secrets) {
    const parts = new Set();
    for (const secret of secrets) {
        if (secret.trim() !== '')
            parts.add(secret);
        for (const line of secretLines(secret))
            parts.add(line);
    }
    return [...parts].sort((a, b) => b.length - a.length);
}
// ---------------------------------------------------------------------------------------------
// One-line texts
/**
 * Why the gate failed: "3 errors at or above fail-on=error (and 1 warning below it)", with the
 * option named as the platform names it (`fail-on`, `failOn`, `--fail-on`).
 */
function failReason(summary, failOn, optionName) {
    const above = [(0,common/* plural */.LS)(summary.errors, 'error')];
    const below = [];
    if (failOn === 'warning')
        above.push((0,common/* plural */.LS)(summary.warnings, 'warning'));
    else if (summary.warnings)
        below.push((0,common/* plural */.LS)(summary.warnings, 'warning'));
    if (summary.notes)
        below.push((0,common/* plural */.LS)(summary.notes, 'note'));
    const rest = below.length ? ` (and ${below.join(', ')} below it)` : '';
    return `${above.join(', ')} at or above ${optionName}=${failOn}${rest}`;
}
/**
 * What to log about the resolved settings file: where it went and how many entries it holds
 * (never its content), or why it was not written. Undefined when none was asked for.
 */
function resolvedSettingsNote(outcome, requested) {
    const path = outcome.written.resolvedSettings;
    if (path) {
        const counts = outcome.resolvedSettings;
        const holds = counts
            ? ` (${(0,common/* plural */.LS)(counts.connectionReferences, 'connection reference')}, ${(0,common/* plural */.LS)(counts.environmentVariables, 'environment variable')})`
            : '';
        return { written: true, text: `${version/* TOOL_NAME */.lH}: resolved settings written to ${path}${holds}` };
    }
    const why = outcome.notWritten?.resolvedSettings;
    if (why)
        return { written: false, text: `${version/* TOOL_NAME */.lH}: ${why}` };
    if (requested) {
        return { written: false, text: `${version/* TOOL_NAME */.lH}: resolved settings not written to ${requested}` };
    }
    return undefined;
}
/** The settings files that fail `init --check`: out of step, missing, or unusable. */
function initOutOfStepFiles(result) {
    return result.files.filter((file) => file.status !== 'unchanged');
}
/**
 * The error for one created or updated file of `init --check` (an unusable file has its own line
 * from formatInitText): what init would do, and what to run.
 */
function initOutOfStepMessage(result, file) {
    const count = (names) => names.connectionReferences.length + names.environmentVariables.length;
    const what = file.status === 'created'
        ? 'it does not exist'
        : `init would add ${count(file.added)} and remove ${count(file.removed)} entries`;
    return `${file.path} is out of step with ${result.solution.uniqueName}: ${what}. Run ${version/* TOOL_NAME */.lH} init and commit the result.`;
}
/** The verdict of `init --check`, one line: how many files are out of step, or that all are in step. */
function initCheckVerdict(result) {
    const outOfStep = initOutOfStepFiles(result).length;
    const files = (0,common/* plural */.LS)(result.files.length, 'settings file');
    const solution = result.solution.uniqueName;
    return outOfStep > 0
        ? `${version/* TOOL_NAME */.lH}: ${outOfStep} of ${files} out of step with ${solution}`
        : `${version/* TOOL_NAME */.lH}: ${files} in step with ${solution}`;
}
/**
 * What the online stage did, one line for the log: where, as whom, which route, how much. Never a
 * token or secret (the identity is named by its application id).
 */
function onlineSummaryText(summary) {
    const listed = summary.route === undefined
        ? ''
        : `, ${summary.route} route: ${(0,common/* plural */.LS)(summary.connectionsListed ?? 0, 'connection')} in ${(0,common/* plural */.LS)(summary.pages ?? 0, 'page')}`;
    const requests = summary.requests.dataverse + summary.requests.powerApps;
    const proxy = summary.proxy ? ` through the proxy ${summary.proxy}` : '';
    return `${version/* TOOL_NAME */.lH}: checked ${summary.environmentUrl} as ${summary.identity}${proxy}${listed}; ${(0,common/* plural */.LS)(requests, 'request')} in ${(summary.ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./src/core/settings.ts
var core_settings = __nccwpck_require__(1922);
// EXTERNAL MODULE: ./src/core/rules/helpers.ts
var helpers = __nccwpck_require__(8046);
// EXTERNAL MODULE: ./src/core/rules/online-helpers.ts
var online_helpers = __nccwpck_require__(7308);
;// CONCATENATED MODULE: ./src/core/online/report.ts



const RANK = {
    found: 0,
    unchecked: 1,
    'not-usable': 2,
    'wrong-connector': 3,
    missing: 4,
};
function accessText(check) {
    const access = check.access;
    if (!access)
        return {};
    switch (access.kind) {
        case 'owner':
            return { access: 'owner' };
        case 'role':
            return /^canview$/i.test(access.role)
                ? {
                    access: access.role,
                    detail: 'shared as Can use only: enough to import, but an import that must re-share the connection needs Can use + share',
                }
                : { access: access.role };
        case 'group':
            return {
                access: 'group',
                detail: `shared with a ${access.principalType === 'Tenant' ? 'whole tenant' : 'group'}; membership not checked`,
            };
        case 'listed':
            return {
                access: 'listed',
                detail: 'among the connections this identity can use (it may only list its own)',
            };
        case 'none':
            return { access: 'none' };
        case 'unchecked':
            return { detail: `usability not checked: ${access.why}` };
    }
}
/** The target facts of one reference from one check. */
function reportTargetOf(ref, check, why) {
    if (!check)
        return { connection: 'unchecked', detail: why() };
    if (check.state === 'unchecked') {
        return { connection: 'unchecked', ...(check.why && { detail: check.why }) };
    }
    if (check.state === 'missing') {
        return { connection: 'missing', detail: 'no connection of this name in the environment' };
    }
    if (check.state === 'not-visible') {
        return {
            connection: 'not-usable',
            detail: 'not among the connections this identity can use: missing or not shared (this identity may only list its own)',
        };
    }
    const connection = check.connection;
    const bad = connection.statuses.find((s) => s.status.toLowerCase() !== 'connected');
    const status = bad?.status ?? connection.statuses[0]?.status;
    const facts = {
        connection: 'found',
        ...(connection.connector && { connector: connection.connector }),
        ...(status && { status }),
        ...(connection.owner && { owner: connection.owner }),
        ...accessText(check),
    };
    if (ref && (0,online_helpers/* connectorMatch */.Z)(ref, connection.connector) === 'other') {
        facts.connection = 'wrong-connector';
    }
    else if (check.access?.kind === 'none') {
        facts.connection = 'not-usable';
    }
    return facts;
}
/** Why a reference without a check was not checked, from the settings. */
function notCheckedWhy(logicalName, settings) {
    if (!settings)
        return 'the settings file is not usable';
    const entries = settings.connectionReferences.filter((entry) => (0,helpers/* nameKey */.Rc)(entry.logicalName) === (0,helpers/* nameKey */.Rc)(logicalName));
    if (entries.length === 0)
        return 'no settings entry binds it';
    if (entries.every((entry) => (0,helpers/* isBlank */.z3)(entry.connectionId)))
        return 'its ConnectionId is empty';
    if (entries.some((entry) => entry.connectionId && (0,core_settings/* findPlaceholder */.$e)(entry.connectionId))) {
        return 'its ConnectionId still holds a placeholder';
    }
    return 'not checked';
}
/** Sets `target` on every connection reference of a report solution. */
function attachTargetFacts(report, solution, pairs) {
    const refs = new Map(solution.connectionReferences.map((r) => [(0,helpers/* nameKey */.Rc)(r.logicalName), r]));
    for (const reference of report.connectionReferences) {
        let worst;
        const key = (0,helpers/* nameKey */.Rc)(reference.logicalName);
        for (const { settings, facts } of pairs) {
            const target = reportTargetOf(refs.get(key), facts.connections.get(key), () => notCheckedWhy(reference.logicalName, settings));
            if (!worst || RANK[target.connection] > RANK[worst.connection])
                worst = target;
        }
        if (worst)
            reference.target = worst;
    }
}

// EXTERNAL MODULE: ./src/core/online/options.ts
var online_options = __nccwpck_require__(113);
;// CONCATENATED MODULE: ./src/core/options.ts
const DEFAULT_LIMITS = {
    maxEntryBytes: 256 * 1024 * 1024,
    maxCompressionRatio: 1000,
    maxTotalBytes: 512 * 1024 * 1024,
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/core/paths.ts
// Path and glob handling shared by solution discovery and settings files.
// Node 20 has no fs.glob, so a small matcher covers `*`, `?`, `**` and `{a,b}`.




/** Folders that never hold a solution and are expensive to walk. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Relative to cwd with forward slashes: how every path appears in reports. */
function toReportPath(absPath, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, absPath);
    return (rel === '' ? '.' : rel).split(external_node_path_.sep).join('/');
}
/** lstat, or undefined when nothing is there: a link is seen as a link, never followed. */
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_.lstat)(path);
    }
    catch {
        return undefined;
    }
}
/** True when `child` is `parent` or lies below it (both absolute). */
function isInside(child, parent) {
    const rel = (0,external_node_path_.relative)(parent, child);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
function hasGlobMagic(pattern) {
    return /[*?{[]/.test(pattern);
}
/** Expands `{a,b}` alternatives (not nested) into plain patterns. */
function expandBraces(pattern) {
    const match = /\{([^{}]*)\}/.exec(pattern);
    if (!match)
        return [pattern];
    const before = pattern.slice(0, match.index);
    const after = pattern.slice(match.index + match[0].length);
    return match[1].split(',').flatMap((alt) => expandBraces(before + alt + after));
}
function segmentRegExp(segment) {
    let source = '';
    for (const ch of segment) {
        if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else
            source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, process.platform === 'win32' ? 'i' : '');
}
async function paths_isDirectory(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}
async function listDirectory(path) {
    try {
        const entries = await (0,promises_.readdir)(path, { withFileTypes: true });
        return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() }));
    }
    catch {
        return [];
    }
}
async function walkGlob(base, segments, out) {
    if (segments.length === 0) {
        out.add(base);
        return;
    }
    const [head, ...rest] = segments;
    if (head === '**') {
        // `**` matches zero or more folders.
        await walkGlob(base, rest, out);
        for (const entry of await listDirectory(base)) {
            if (entry.isDir && !SKIPPED_FOLDERS.has(entry.name)) {
                await walkGlob((0,external_node_path_.join)(base, entry.name), segments, out);
            }
        }
        return;
    }
    if (!hasGlobMagic(head)) {
        const next = (0,external_node_path_.join)(base, head);
        if (rest.length === 0 || (await paths_isDirectory(next))) {
            if (rest.length > 0 || (await exists(next)))
                await walkGlob(next, rest, out);
        }
        return;
    }
    const regexp = segmentRegExp(head);
    for (const entry of await listDirectory(base)) {
        if (!regexp.test(entry.name))
            continue;
        if (rest.length > 0 && !entry.isDir)
            continue;
        await walkGlob((0,external_node_path_.join)(base, entry.name), rest, out);
    }
}
/** True when something exists at the path (following links). */
async function exists(path) {
    try {
        await (0,promises_.stat)(path);
        return true;
    }
    catch {
        return false;
    }
}
async function matchGlob(pattern, base) {
    const found = new Set();
    for (const alternative of expandBraces(pattern.replace(/\\/g, '/'))) {
        const absolute = (0,external_node_path_.isAbsolute)(alternative);
        const segments = alternative.split('/').filter((s) => s !== '' && s !== '.');
        await walkGlob(absolute ? (0,external_node_path_.resolve)('/') : base, segments, found);
    }
    return found;
}
/**
 * The paths that paths and globs match relative to `base`, absolute and sorted; what does not
 * exist or matches nothing is left out (no error).
 */
async function matchPaths(patterns, base) {
    const results = new Set();
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '')
            continue;
        if (!hasGlobMagic(pattern)) {
            const abs = (0,external_node_path_.resolve)(base, pattern);
            if (await exists(abs))
                results.add(abs);
            continue;
        }
        for (const path of await matchGlob(pattern, base))
            results.add(path);
    }
    return [...results].sort();
}
/**
 * Expands paths and globs against cwd into absolute paths, sorted, without duplicates.
 * A literal path that does not exist, or a glob that matches nothing, is a UsageError naming
 * `what` (e.g. "solution", "settings file").
 */
async function expandPaths(patterns, cwd, what) {
    const results = new Set();
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (pattern === '')
            continue;
        if (!hasGlobMagic(pattern)) {
            const abs = (0,external_node_path_.resolve)(cwd, pattern);
            if (!(await exists(abs))) {
                throw new errors/* UsageError */.e(`${what} not found: ${pattern} (check the path; it is relative to ${cwd})`);
            }
            results.add(abs);
            continue;
        }
        const found = await matchGlob(pattern, cwd);
        if (found.size === 0) {
            throw new errors/* UsageError */.e(`no ${what} matches ${pattern} (check the glob; it is relative to ${cwd})`);
        }
        for (const path of found)
            results.add(path);
    }
    return [...results].sort();
}
/**
 * Writes a file the user named as an output, creating its folder. A pull request controls what
 * already sits at that path: a symbolic link there is not followed (O_NOFOLLOW: ELOOP), a FIFO
 * does not block (O_NONBLOCK: ENXIO), and anything but a regular file is refused (EINVAL), so
 * bytes land only where they were asked to. Errors keep their `code` for the caller's message.
 */
async function writeRegularFile(absPath, data, mode = 0o666) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(absPath), { recursive: true });
    const handle = await (0,promises_.open)(absPath, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK, mode);
    try {
        if (!(await handle.stat()).isFile()) {
            throw Object.assign(new Error(`${absPath} is not a regular file`), { code: 'EINVAL' });
        }
        // Truncate only once it is known to be a regular file.
        await handle.truncate(0);
        if (mode !== 0o666)
            await handle.chmod(mode);
        await handle.writeFile(data);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/core/rules/cr002-unresolved-placeholder.ts
var cr002_unresolved_placeholder = __nccwpck_require__(7136);
;// CONCATENATED MODULE: ./src/core/report-facts.ts


function isUnusableSettings(settings) {
    return 'reason' in settings;
}
function sortedBy(items, ...keys) {
    // Each item becomes one string, `lower NUL NUL text NUL NUL … index`, sorted by the engine's own
    // string order: no comparator call per comparison, which on thousands of flows ran mostly
    // before the JIT had warmed up. The separator sorts below every character, so the strings sort
    // as the key tuples would, then by index (a stable sort). A NUL in a text (facts have none: the
    // reader escapes control characters) is written NUL U+0001, which sorts just above it.
    const width = String(items.length).length;
    const sortKeys = items.map((item, index) => {
        let sortKey = '';
        for (const key of keys) {
            let text = key(item);
            if (text.includes('\0'))
                text = text.replaceAll('\0', '\0\u0001');
            sortKey += `${text.toLowerCase()}\0\0${text}\0\0`;
        }
        return sortKey + String(index).padStart(width, '0');
    });
    sortKeys.sort();
    return sortKeys.map((sortKey) => items[Number(sortKey.slice(sortKey.lastIndexOf('\0') + 1))]);
}
/** Lower-case names of the references a settings file binds to a usable connection id. */
function boundReferenceNames(settings) {
    const names = new Set();
    for (const entry of settings.connectionReferences) {
        if ((0,helpers/* isBoundConnectionId */._1)(entry.connectionId))
            names.add((0,helpers/* nameKey */.Rc)(entry.logicalName));
    }
    return names;
}
/** Lower-case names of the variables a settings file gives a usable value. */
function boundVariableNames(settings) {
    const names = new Set();
    for (const entry of settings.environmentVariables) {
        if (!(0,helpers/* isBlank */.z3)(entry.value) && (0,core_settings/* findPlaceholder */.$e)(entry.value) === undefined) {
            names.add((0,helpers/* nameKey */.Rc)(entry.schemaName));
        }
    }
    return names;
}
/**
 * `bound` must hold against every settings file checked: a reference bound for Test but not for
 * Prod is not bound. Unusable settings bind nothing.
 */
function reportSolution(solution, settingsList) {
    const usable = settingsList.map((s) => (isUnusableSettings(s) ? (0,core_settings/* emptySettings */.bi)(s.path) : s));
    const checked = usable.length === 0 ? [(0,core_settings/* emptySettings */.bi)()] : usable;
    const boundReferences = checked.map(boundReferenceNames);
    const boundVariables = checked.map(boundVariableNames);
    // Indexes built once: a large solution has hundreds of references and thousands of flows.
    const flowsByReference = new Map();
    for (const flow of solution.flows) {
        for (const connection of flow.connections) {
            if (!connection.connectionReference)
                continue;
            const key = (0,helpers/* nameKey */.Rc)(connection.connectionReference);
            const names = flowsByReference.get(key) ?? new Set();
            names.add(flow.name);
            flowsByReference.set(key, names);
        }
    }
    const appsByConnector = new Map();
    for (const app of solution.canvasApps) {
        for (const connector of app.connectors) {
            const api = (0,helpers/* connectorApiName */.fw)(connector.id);
            const names = appsByConnector.get(api) ?? new Set();
            names.add(app.name);
            appsByConnector.set(api, names);
        }
    }
    // Agent display name -> the display names of its components that use the reference.
    const agentsByReference = new Map();
    for (const agent of solution.agents) {
        for (const component of agent.components) {
            for (const use of component.uses) {
                const key = (0,helpers/* nameKey */.Rc)(use.connectionReference);
                const agents = agentsByReference.get(key) ?? new Map();
                const components = agents.get(agent.displayName) ?? new Set();
                components.add(component.displayName);
                agents.set(agent.displayName, components);
                agentsByReference.set(key, agents);
            }
        }
    }
    const connectionReferences = sortedBy(solution.connectionReferences, (r) => r.logicalName).map((ref) => {
        const key = (0,helpers/* nameKey */.Rc)(ref.logicalName);
        const usedBy = new Map();
        for (const name of flowsByReference.get(key) ?? []) {
            usedBy.set(`flow\0${name}`, { kind: 'flow', name });
        }
        for (const name of appsByConnector.get((0,helpers/* connectorApiName */.fw)(ref.connectorId)) ?? []) {
            usedBy.set(`canvasApp\0${name}`, { kind: 'canvasApp', name });
        }
        for (const [name, components] of agentsByReference.get(key) ?? []) {
            usedBy.set(`agent\0${name}`, {
                kind: 'agent',
                name,
                components: sortedBy([...components], (c) => c),
            });
        }
        return {
            logicalName: ref.logicalName,
            displayName: ref.displayName,
            connectorId: ref.connectorId,
            custom: ref.custom,
            bound: boundReferences.every((names) => names.has(key)),
            usedBy: sortedBy([...usedBy.values()], (u) => u.kind, (u) => u.name),
        };
    });
    const flows = sortedBy(solution.flows, (f) => f.name, (f) => f.file).map((flow) => ({
        name: flow.name,
        file: flow.file,
        connections: flow.connections.map((c) => ({
            key: c.key,
            api: c.api,
            connectionReference: c.connectionReference,
        })),
    }));
    const canvasApps = sortedBy(solution.canvasApps, (a) => a.name).map((app) => ({
        name: app.name,
        displayName: app.displayName,
        connectors: app.connectors.map((c) => ({ id: c.id, custom: c.custom })),
    }));
    const agents = sortedBy(solution.agents, (a) => a.schemaName).map((agent) => ({
        name: agent.schemaName,
        displayName: agent.displayName,
        components: sortedBy(agent.components, (c) => c.schemaName).map((component) => {
            const names = new Map();
            for (const use of component.uses) {
                const key = (0,helpers/* nameKey */.Rc)(use.connectionReference);
                if (!names.has(key))
                    names.set(key, use.connectionReference);
            }
            return {
                name: component.schemaName,
                kind: component.kind,
                connectionReferences: sortedBy([...names.values()], (n) => n),
            };
        }),
    }));
    const environmentVariables = sortedBy(solution.environmentVariables, (v) => v.schemaName).map((variable) => {
        const hasDefault = variable.defaultValue !== undefined && variable.defaultValue !== '';
        const hasCurrentValue = variable.currentValue !== undefined && variable.currentValue !== '';
        return {
            schemaName: variable.schemaName,
            type: variable.type,
            hasDefault,
            hasCurrentValue,
            bound: hasDefault ||
                hasCurrentValue ||
                boundVariables.every((names) => names.has((0,helpers/* nameKey */.Rc)(variable.schemaName))),
        };
    });
    return {
        path: solution.path,
        uniqueName: solution.uniqueName,
        version: solution.version,
        managed: solution.managed,
        connectionReferences,
        flows,
        canvasApps,
        agents,
        environmentVariables,
    };
}

;// CONCATENATED MODULE: ./src/core/settings-pairing.ts
// Which settings files go with which solution: every given file with every solution (`settings`),
// or each solution with its own (`settingsPerSolution`, a monorepo where every solution keeps its
// settings beside it, as the ALM Accelerator and the PowerCAT kits do:
// `<Solution>/SolutionPackage/src` + `<Solution>/config/<Environment>/deploymentSettings.json`).




function nonBlank(patterns) {
    return (patterns ?? []).map((p) => p.trim()).filter((p) => p !== '');
}
async function isFolder(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch {
        return false;
    }
}
/** The deploymentSettings.json files in a folder or one level below it, to name in a hint. */
async function settingsFilesIn(folder) {
    const found = [];
    const look = async (dir, depth) => {
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (entry.isFile() && entry.name.toLowerCase() === 'deploymentsettings.json') {
                found.push((0,external_node_path_.join)(dir, entry.name));
            }
            else if (entry.isDirectory() && depth > 0)
                await look((0,external_node_path_.join)(dir, entry.name), depth - 1);
        }
    };
    await look(folder, 1);
    return found;
}
/**
 * Refuses a folder where a settings file is expected, naming the deploymentSettings.json inside
 * it when there is one: pac and the ALM Accelerator keep one per environment folder.
 */
async function assertFiles(paths, cwd) {
    for (const path of paths) {
        if (!(await isFolder(path)))
            continue;
        const shown = toReportPath(path, cwd);
        const inside = (await settingsFilesIn(path)).map((file) => toReportPath(file, cwd));
        const hint = inside.length === 0
            ? 'give the deployment-settings JSON file itself (pac solution create-settings writes deploymentSettings.json)'
            : inside.length === 1
                ? `give the file inside it: ${inside[0]}`
                : `give one of the files inside it (${inside.slice(0, 3).join(', ')}${inside.length > 3 ? ', …' : ''}), or a glob such as ${shown}/*/deploymentSettings.json`;
        throw new errors/* UsageError */.e(`settings file ${shown} is a folder, not a file: ${hint}`);
    }
}
/**
 * A solution's own settings: the patterns matched in the solution's folder (a zip's own folder),
 * then in each folder above it, up to the working directory (or, for a solution outside it, the
 * top of the file system); the first folder where anything matches wins.
 */
async function ownSettings(target, patterns, cwd) {
    let folder = target.kind === 'zip' ? (0,external_node_path_.dirname)(target.absPath) : target.absPath;
    const stop = isInside(folder, cwd) ? cwd : undefined;
    for (;;) {
        const found = await matchPaths(patterns, folder);
        if (found.length > 0)
            return found;
        const parent = (0,external_node_path_.dirname)(folder);
        if (folder === stop || parent === folder)
            return [];
        folder = parent;
    }
}
/** Pairs solutions with settings files. Throws UsageError for bad paths and bad combinations. */
async function pairSettings(targets, options, cwd) {
    const shared = nonBlank(options.settings);
    const own = nonBlank(options.settingsPerSolution);
    if (shared.length > 0 && own.length > 0) {
        throw new errors/* UsageError */.e('give either settings files for every solution or settings per solution (a path beside each solution), not both');
    }
    if (own.length === 0) {
        const paths = shared.length === 0 ? [] : await expandPaths(shared, cwd, 'settings file');
        await assertFiles(paths, cwd);
        return { perTarget: targets.map(() => paths) };
    }
    const perTarget = [];
    for (const target of targets)
        perTarget.push(await ownSettings(target, own, cwd));
    await assertFiles([...new Set(perTarget.flat())], cwd);
    if (targets.length > 0 && perTarget.every((paths) => paths.length === 0)) {
        throw new errors/* UsageError */.e(`no settings file matches ${own.join(', ')} beside any of the ${targets.length === 1 ? 'solution' : `${targets.length} solutions`} (looked in each solution's folder and the folders above it, up to ${cwd}): check the path, which is relative to each solution's folder`);
    }
    return { perTarget };
}

;// CONCATENATED MODULE: ./src/core/solution/discovery.ts
// Finds the solutions under the paths a user gives (SPEC section 1): a zip, a solution root
// folder, or a folder holding several of them.




// ---------------------------------------------------------------------------------------------
// Discovery
async function lowerNames(dir) {
    const map = new Map();
    try {
        for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            map.set(entry.name.toLowerCase(), {
                name: entry.name,
                isDir: entry.isDirectory(),
                isFile: entry.isFile(),
            });
        }
    }
    catch {
        // Unreadable folders hold no solutions.
    }
    return map;
}
/** A solution root: `Other/Solution.xml`, or `solution.xml` beside `customizations.xml`. */
async function isSolutionRoot(dir) {
    const names = await lowerNames(dir);
    if (names.get('solution.xml')?.isFile && names.get('customizations.xml')?.isFile)
        return true;
    const other = names.get('other');
    if (other?.isDir) {
        const inner = await lowerNames((0,external_node_path_.join)(dir, other.name));
        if (inner.get('solution.xml')?.isFile)
            return true;
    }
    return false;
}
/**
 * The Dataverse Git-integration (YAML) source format (FORMAT-NOTES section 9) is not read until
 * real data shows where it keeps connection references; its solutions are SL001 saying so.
 */
const YAML_SOURCE_REASON = 'is a Dataverse Git-integration YAML source (solution.yml), which connref-gate cannot read yet: export the solution as a zip, or `pac solution pack` it, and check that';
/** A Git-integration solution folder: `solutions/<Name>/solution.yml`. */
async function isYamlSourceSolution(dir) {
    if ((0,external_node_path_.basename)((0,external_node_path_.dirname)(dir)).toLowerCase() !== 'solutions')
        return false;
    return (await lowerNames(dir)).get('solution.yml')?.isFile === true;
}
const discovery_SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/**
 * Names that only a (broken) solution or a legacy export package holds: a folder with one of
 * them is read, so that SL001 says what is missing, instead of being "no solution here".
 */
const SOLUTION_PARTS = [
    'solution.xml',
    'customizations.xml',
    '[content_types].xml',
    'other',
    'workflows',
    'canvasapps',
    'manifest.json',
];
async function looksLikeSolution(dir) {
    const names = await lowerNames(dir);
    return SOLUTION_PARTS.some((name) => names.has(name));
}
async function collectUnder(dir, found) {
    if (await isSolutionRoot(dir)) {
        found.roots.push(dir);
        return;
    }
    if (await isYamlSourceSolution(dir)) {
        found.yamlSources.push(dir);
        return;
    }
    for (const entry of (await lowerNames(dir)).values()) {
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isFile && entry.name.toLowerCase().endsWith('.zip'))
            found.zips.push(path);
        else if (entry.isDir && !discovery_SKIPPED_FOLDERS.has(entry.name))
            await collectUnder(path, found);
    }
}
/**
 * Expands solution paths and globs (SPEC section 1) into solution targets.
 * Throws UsageError when a path does not exist or a glob matches nothing.
 */
async function findSolutions(patterns, cwd) {
    const targets = new Map();
    const add = (kind, absPath, refused) => {
        if (!targets.has(absPath))
            targets.set(absPath, {
                kind,
                absPath,
                reportPath: toReportPath(absPath, cwd),
                ...(refused ? { refused } : {}),
            });
    };
    const empty = [];
    for (const pattern of patterns) {
        if (pattern.trim() === '')
            continue;
        const fromGlob = hasGlobMagic(pattern.trim());
        for (const path of await expandPaths([pattern], cwd, 'solution')) {
            if (await addTargets(path, add))
                continue;
            // A folder given by name that holds nothing to check is a mistake in the command; one of
            // many that a glob matched is simply not a solution.
            if (!fromGlob) {
                throw new errors/* UsageError */.e(`no solution in ${toReportPath(path, cwd)}: it holds no solution zip and no solution folder (Other/Solution.xml, or solution.xml beside customizations.xml); give the path of an exported zip, an unpacked solution or a folder holding them`);
            }
            empty.push(toReportPath(path, cwd));
        }
    }
    if (targets.size === 0 && empty.length > 0) {
        throw new errors/* UsageError */.e(`no solution in what ${patterns.filter((p) => p.trim() !== '').join(', ')} matches (${empty.slice(0, 3).join(', ')}${empty.length > 3 ? ', …' : ''}): give exported zips, unpacked solutions or folders holding them`);
    }
    return [...targets.values()].sort((a, b) => a.reportPath < b.reportPath ? -1 : a.reportPath > b.reportPath ? 1 : 0);
}
/** Adds what one path holds; false when it is a folder with nothing to check. */
async function addTargets(path, add) {
    // lstat: a path (or glob match) that is a link is refused, never followed out of the checkout.
    const stats = await lstatOrUndefined(path);
    if (!stats)
        return true;
    if (stats.isSymbolicLink()) {
        add('zip', path, 'is a symbolic link; solutions are not read through links (a pull request controls them): name the file or folder itself');
        return true;
    }
    if (!stats.isFile() && !stats.isDirectory()) {
        add('zip', path, 'is not a regular file or folder; name a solution zip or folder');
        return true;
    }
    if (stats.isFile()) {
        // A Solution.xml names its solution: its folder, or the parent of `Other/`.
        if ((0,external_node_path_.basename)(path).toLowerCase() === 'solution.xml') {
            const folder = (0,external_node_path_.dirname)(path);
            add('folder', (0,external_node_path_.basename)(folder).toLowerCase() === 'other' ? (0,external_node_path_.dirname)(folder) : folder);
        }
        else if ((0,external_node_path_.basename)(path).toLowerCase() === 'solution.yml') {
            add('folder', (0,external_node_path_.dirname)(path), YAML_SOURCE_REASON);
        }
        else {
            add('zip', path);
        }
        return true;
    }
    if ((0,external_node_path_.basename)(path).toLowerCase() === 'other' &&
        (await lowerNames(path)).get('solution.xml')?.isFile) {
        add('folder', (0,external_node_path_.dirname)(path));
        return true;
    }
    if (await isSolutionRoot(path)) {
        add('folder', path);
        return true;
    }
    // Named directly, a folder holding solution.yml is one whatever its parent is called.
    if ((await lowerNames(path)).get('solution.yml')?.isFile) {
        add('folder', path, YAML_SOURCE_REASON);
        return true;
    }
    const found = { roots: [], zips: [], yamlSources: [] };
    await collectUnder(path, found);
    const { roots, zips, yamlSources } = found;
    for (const source of yamlSources)
        add('folder', source, YAML_SOURCE_REASON);
    if (roots.length === 0 && zips.length === 0 && yamlSources.length === 0) {
        // Parts of a solution without its root: read it, so that SL001 says what is missing.
        if (!(await looksLikeSolution(path)))
            return false;
        add('folder', path);
    }
    for (const root of roots)
        add('folder', root);
    for (const zip of zips)
        add('zip', zip);
    return true;
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(8522);
;// CONCATENATED MODULE: ./src/core/zip.ts
// A random-access zip reader on node:zlib.
//
// Why not jszip for the outer solution zip: it loads the whole archive into memory, so a solution
// with hundreds of MB of canvas-app media costs that much RSS and time before a single flow is
// read. Solutions only need a handful of small entries; this reader reads the central directory,
// then seeks to and inflates just those entries, and never touches the media. It also enforces
// the limits a pull-request gate needs against hostile zips (bombs, lying sizes, zip64 tricks).



const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;
/**
 * More central records than any real solution has (the corpus tops out at 57; big Dynamics
 * solutions hold a few thousand). Only a zip64 directory can claim more than 65535.
 */
const MAX_ENTRIES = 100_000;
/** Ratios are only meaningful for entries big enough to matter. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** Any problem with the archive itself; the message is one line for an SL001 finding. */
class ZipFormatError extends Error {
    name = 'ZipFormatError';
    /** True when the file never was a zip (rather than a damaged one). */
    notAZip;
    constructor(message, options = {}) {
        super(message);
        this.notAZip = options.notAZip ?? false;
    }
}
class ZipArchive {
    file;
    fileSize;
    entries;
    limits;
    byLowerName = new Map();
    reader;
    totalInflated = 0;
    constructor(file, fileSize, entries, limits) {
        this.file = file;
        this.fileSize = fileSize;
        this.entries = entries;
        this.limits = limits;
        this.reader = new EntryReader(file.fd, fileSize, limits);
        for (const entry of entries) {
            const key = entry.name.toLowerCase();
            if (!this.byLowerName.has(key))
                this.byLowerName.set(key, entry);
        }
    }
    /** Opens a zip and reads its central directory. Throws ZipFormatError for anything not a zip. */
    static async open(path, limits) {
        // O_NOFOLLOW and O_NONBLOCK: a link is not followed and a FIFO cannot block the read.
        let file;
        try {
            file = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
        }
        catch (error) {
            if (error.code === 'ELOOP') {
                throw new ZipFormatError('is a symbolic link; solutions are not read through links');
            }
            throw error;
        }
        try {
            const stats = await file.stat();
            if (!stats.isFile())
                throw new ZipFormatError('not a zip file (not a regular file)', { notAZip: true });
            const { size } = stats;
            const entries = await readCentralDirectory(file, size);
            return new ZipArchive(file, size, entries, limits);
        }
        catch (error) {
            await file.close();
            throw error;
        }
    }
    /** Case-insensitive look-up by entry name (slashes). */
    find(name) {
        return this.byLowerName.get(name.toLowerCase());
    }
    /**
     * Reads and inflates one entry within the limits (synchronously: see readAt). The bytes may be a
     * view of a buffer the next read overwrites (SolutionFiles.read has the same contract): decode
     * them, or copy them, before reading on.
     */
    read(entry) {
        if (this.totalInflated + entry.uncompressedSize > this.limits.maxTotalBytes) {
            throw new ZipFormatError(`reading ${entry.name} would pass the ${this.limits.maxTotalBytes}-byte total limit for one solution`);
        }
        this.totalInflated += entry.uncompressedSize;
        return this.reader.read(entry);
    }
    async close() {
        await this.file.close();
    }
}
/**
 * Reads and inflates entries of an open zip within the per-entry limits (ZipArchive counts the
 * total). Entries that lie near each other are read through one buffer (thousands of small flows
 * cost a few reads instead of two system calls each).
 */
class EntryReader {
    fd;
    fileSize;
    limits;
    windowSize;
    window = Buffer.alloc(0);
    windowStart = 0;
    constructor(fd, fileSize, limits, windowSize = 1024 * 1024) {
        this.fd = fd;
        this.fileSize = fileSize;
        this.limits = limits;
        this.windowSize = windowSize;
    }
    read(entry) {
        const { limits } = this;
        if (entry.encrypted) {
            throw new ZipFormatError(`entry ${entry.name} is encrypted; export the solution unencrypted`);
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
            throw new ZipFormatError(`entry ${entry.name} inflates to ${entry.uncompressedSize} bytes, over the ${limits.maxEntryBytes}-byte limit`);
        }
        if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES &&
            entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
            throw new ZipFormatError(`entry ${entry.name} has a compression ratio over ${limits.maxCompressionRatio}:1 (a zip bomb?)`);
        }
        // The header's fields are read in the window itself: a view per header costs more than that.
        const at = this.cover(entry.localHeaderOffset, 30);
        const window = this.window;
        if (at < 0 || window.readUInt32LE(at) !== LOCAL_SIGNATURE) {
            throw new ZipFormatError(`entry ${entry.name} has no valid local header (corrupt zip)`);
        }
        const dataStart = entry.localHeaderOffset + 30 + window.readUInt16LE(at + 26) + window.readUInt16LE(at + 28);
        if (dataStart + entry.compressedSize > this.fileSize) {
            throw new ZipFormatError(`entry ${entry.name} runs past the end of the file (truncated zip)`);
        }
        const compressed = this.bytes(dataStart, entry.compressedSize);
        let data;
        if (entry.method === 0) {
            if (entry.compressedSize !== entry.uncompressedSize) {
                throw new ZipFormatError(`stored entry ${entry.name} has inconsistent sizes (corrupt zip)`);
            }
            data = compressed;
        }
        else if (entry.method === 8) {
            try {
                // The declared size bounds the output, so a lying header cannot inflate without limit.
                data = this.inflate(compressed, Math.max(1, entry.uncompressedSize));
            }
            catch (error) {
                const code = error.code;
                if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
                    throw new ZipFormatError(`entry ${entry.name} inflates past its declared size (corrupt or hostile zip)`);
                }
                throw new ZipFormatError(`entry ${entry.name} cannot be inflated (corrupt zip)`);
            }
        }
        else {
            throw new ZipFormatError(`entry ${entry.name} uses unsupported compression method ${entry.method}`);
        }
        if (data.length !== entry.uncompressedSize) {
            throw new ZipFormatError(`entry ${entry.name} is not the size its header declares (corrupt zip)`);
        }
        return data;
    }
    /** A byte range of the zip, through the window when it fits (shorter at the end of the file). */
    bytes(position, length) {
        if (length > this.windowSize)
            return readAt(this.fd, position, length);
        const at = this.cover(position, length);
        return at < 0
            ? this.window.subarray(position - this.windowStart)
            : this.window.subarray(at, at + length);
    }
    /**
     * Moves the window over [position, position + length) when it is not there yet; the offset of
     * position in the window, or -1 when the file ends before position + length.
     */
    cover(position, length) {
        let offset = position - this.windowStart;
        if (offset < 0 || offset + length > this.window.length) {
            this.window = readAt(this.fd, position, this.windowSize);
            this.windowStart = position;
            offset = 0;
        }
        return offset + length <= this.window.length ? offset : -1;
    }
    /**
     * node:zlib's public synchronous inflate. It builds and tears down a stream per entry, which
     * costs about 7 % of a check of 2,000 flows against reusing one stream through node's private
     * `_processChunk`: not enough to lean on node's internals (docs/architecture.md, "Zip reader
     * and zlib").
     */
    inflate(compressed, maxOutputLength) {
        return (0,external_node_zlib_.inflateRawSync)(compressed, { maxOutputLength });
    }
}
/**
 * Reads a byte range. Synchronous on purpose: entries are small and read one after another, and
 * a thread-pool round trip per entry cost more than the read itself on thousands of flows.
 */
function readAt(fd, position, length) {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
        const bytesRead = (0,external_node_fs_.readSync)(fd, buffer, filled, length - filled, position + filled);
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
}
async function readCentralDirectory(file, size) {
    if (size < 22)
        throw new ZipFormatError('not a zip file (too small)', { notAZip: true });
    const tailLength = Math.min(size, MAX_EOCD_SEARCH);
    const tailStart = size - tailLength;
    const tail = readAt(file.fd, tailStart, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) {
        const head = readAt(file.fd, 0, 4);
        if (head.length === 4 && head.readUInt32LE(0) === LOCAL_SIGNATURE) {
            throw new ZipFormatError('truncated or corrupt zip (no end of central directory)');
        }
        throw new ZipFormatError('not a zip file', { notAZip: true });
    }
    let entryCount = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
        const locator = eocd - 20;
        if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
            throw new ZipFormatError('corrupt zip64 archive (no zip64 locator)');
        }
        const zip64Offset = toSafeNumber(tail.readBigUInt64LE(locator + 8));
        const record = readAt(file.fd, zip64Offset, 56);
        if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) {
            throw new ZipFormatError('corrupt zip64 archive (bad zip64 end record)');
        }
        entryCount = toSafeNumber(record.readBigUInt64LE(32));
        directorySize = toSafeNumber(record.readBigUInt64LE(40));
        directoryOffset = toSafeNumber(record.readBigUInt64LE(48));
    }
    if (directoryOffset + directorySize > size) {
        throw new ZipFormatError('corrupt zip (central directory past the end of the file)');
    }
    // Each central record is at least 46 bytes: a count that cannot fit is a lie.
    if (entryCount * 46 > directorySize) {
        throw new ZipFormatError('corrupt zip (entry count does not fit the central directory)');
    }
    if (entryCount > MAX_ENTRIES) {
        throw new ZipFormatError(`zip has ${entryCount} entries, more than the ${MAX_ENTRIES} a solution can hold (hostile zip?)`);
    }
    const directory = readAt(file.fd, directoryOffset, directorySize);
    const entries = [];
    const spans = [];
    let offset = 0;
    for (let index = 0; index < entryCount; index++) {
        if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
            throw new ZipFormatError('corrupt zip (bad central directory record)');
        }
        const flags = directory.readUInt16LE(offset + 8);
        const method = directory.readUInt16LE(offset + 10);
        let compressedSize = directory.readUInt32LE(offset + 20);
        let uncompressedSize = directory.readUInt32LE(offset + 24);
        const nameLength = directory.readUInt16LE(offset + 28);
        const extraLength = directory.readUInt16LE(offset + 30);
        const commentLength = directory.readUInt16LE(offset + 32);
        let localHeaderOffset = directory.readUInt32LE(offset + 42);
        const nameStart = offset + 46;
        const extraStart = nameStart + nameLength;
        const next = extraStart + extraLength + commentLength;
        if (next > directory.length)
            throw new ZipFormatError('corrupt zip (central record overruns)');
        const raw = directory.toString('utf8', nameStart, extraStart);
        const name = raw.includes('\\') ? raw.replace(/\\/g, '/') : raw;
        if (uncompressedSize === 0xffffffff ||
            compressedSize === 0xffffffff ||
            localHeaderOffset === 0xffffffff) {
            // Zip64 extended information: only the fields that overflowed are present, in this order.
            let extra = extraStart;
            const extraEnd = extraStart + extraLength;
            while (extra + 4 <= extraEnd) {
                const id = directory.readUInt16LE(extra);
                const length = directory.readUInt16LE(extra + 2);
                if (id === 0x0001) {
                    let field = extra + 4;
                    const fieldEnd = Math.min(field + length, extraEnd);
                    if (uncompressedSize === 0xffffffff && field + 8 <= fieldEnd) {
                        uncompressedSize = toSafeNumber(directory.readBigUInt64LE(field));
                        field += 8;
                    }
                    if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) {
                        compressedSize = toSafeNumber(directory.readBigUInt64LE(field));
                        field += 8;
                    }
                    if (localHeaderOffset === 0xffffffff && field + 8 <= fieldEnd) {
                        localHeaderOffset = toSafeNumber(directory.readBigUInt64LE(field));
                    }
                    break;
                }
                extra += 4 + length;
            }
        }
        entries.push({
            name,
            compressedSize,
            uncompressedSize,
            method,
            encrypted: (flags & 0x1) !== 0,
            localHeaderOffset,
        });
        spans.push({
            name,
            start: localHeaderOffset,
            end: localHeaderOffset + 30 + nameLength + compressedSize,
        });
        offset = next;
    }
    assertNoOverlap(spans, directoryOffset);
    return entries;
}
/**
 * Entries whose local header and data overlap another's are never written by a real zip tool;
 * they are how a small file makes many entries inflate one payload (an overlapping zip bomb).
 * `end` is a lower bound of where an entry's data ends (the local extra field is not counted).
 */
function assertNoOverlap(spans, directoryOffset) {
    spans.sort((a, b) => a.start - b.start);
    for (let i = 0; i < spans.length; i++) {
        const next = spans[i + 1];
        if (spans[i].end > (next ? next.start : directoryOffset)) {
            throw new ZipFormatError(`entry ${spans[i].name} overlaps ${next ? `entry ${next.name}` : 'the central directory'} (corrupt or hostile zip)`);
        }
    }
}
function toSafeNumber(value) {
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipFormatError('corrupt zip64 archive (size out of range)');
    return Number(value);
}

;// CONCATENATED MODULE: ./src/core/xml.ts
// A small, strict XML reader for Dataverse solution files, kept over a library on measurement
// (docs/architecture.md, "XML parser": saxes made the whole check about 30 % slower). It accepts
// what Dataverse writes (never a DOCTYPE), checks well-formedness of what it reads in one pass,
// expands only the predefined entities, and reads comments, CDATA and processing instructions
// as XML does wherever they are. Elements left out by `keepChildren` or `sections` are skipped
// (plain leaves still checked; the rest jumped over, or walked when a search cannot vouch for
// the end). The output has fast-xml-parser's shape: `@name` attributes, `#text`, strings for
// text-only elements, arrays for repeats or `arrayNames`; elementLine() gives a start line.

class XmlSyntaxError extends Error {
    line;
    refused;
    name = 'XmlSyntaxError';
    constructor(message, line, 
    /** Refused rather than malformed: a DOCTYPE. */
    refused = false) {
        super(`line ${line}: ${message}`);
        this.line = line;
        this.refused = refused;
    }
}
const elementStarts = new WeakMap();
/**
 * The line where a built element's start tag is, for an element built as an object (one with
 * attributes or children): locations of findings point there. Kept in a side table, so the
 * objects have exactly the shape above.
 */
function elementLine(element) {
    if (typeof element !== 'object' || element === null)
        return undefined;
    const start = elementStarts.get(element);
    if (!start)
        return undefined;
    start.positions.lines ??= new core_text/* LineIndex */.rr(start.positions.text);
    return start.positions.lines.lineOf(start.offset);
}
const ATTRIBUTE = /\s+([^\s/>=<"'!?&;]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE_TAG = /<\/([^\s/>=<"'!?&;]+)\s*>/y;
/**
 * A leaf element without attributes or entities, `<Name>text</Name>`: most elements of Dataverse
 * XML. One native regex match instead of two tags parsed in JavaScript, which matters most
 * before the JIT has warmed up (a check runs once).
 */
const LEAF = /<([^\s/>=<"'!?&;]+)>([^<&]*)<\/\1>/y;
/**
 * A run of leaf elements (no attributes, no entities) and the space around them, checked and
 * consumed by one native match: most of a workflow element's 25 children. Under an element whose
 * children are filtered, the kept ones are then picked out of the run (see readXml).
 */
const LEAF_RUN = /(?:\s*<([^\s/>=<"'!?&;]+)>[^<&]*<\/\1>)+\s*/y;
/** keepChildren as lists, built once per map: thousands of small files share one. */
const keepLists = new WeakMap();
function keepListsOf(keep) {
    if (!keep)
        return undefined;
    let lists = keepLists.get(keep);
    if (!lists) {
        lists = new Map([...keep].map(([parent, kept]) => [parent, [...kept]]));
        keepLists.set(keep, lists);
    }
    return lists;
}
/**
 * The rest of a skipped start tag, attributes and `>` or `/>`, checked without building
 * anything. (Duplicate attributes are caught only on elements that are built.)
 */
const SKIPPED_TAG_REST = /(?:\s+[^\s/>=<"'!?&;]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?>/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/** Replaces entity and character references; a bare `&` is not well-formed. */
function decodeEntities(raw, text, offset) {
    if (!raw.includes('&'))
        return raw;
    const decoded = raw.replace(ENTITY, (match, named, decimal, hex) => {
        if (named)
            return PREDEFINED[named];
        const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
            throw new XmlSyntaxError(`invalid character reference ${match}`, lineAt(text, offset));
        }
        return String.fromCodePoint(code);
    });
    const ampersands = raw.split('&').length - 1;
    // Every `&` must have started one of the references replaced above.
    if (ampersands !== (raw.match(ENTITY) ?? []).length) {
        throw new XmlSyntaxError('an & that does not start an entity reference', lineAt(text, offset));
    }
    return decoded;
}
function addChild(parent, name, value, arrays) {
    const existing = Object.prototype.hasOwnProperty.call(parent, name) ? parent[name] : undefined;
    // A value is never an array itself, so an array here is a repetition or an array-named element.
    if (Array.isArray(existing))
        existing.push(value);
    else if (existing !== undefined)
        parent[name] = [existing, value];
    else
        parent[name] = arrays.has(name) ? [value] : value;
}
/**
 * A new node: no Object.prototype behind it (so `__proto__` and `constructor` are plain keys),
 * yet V8's fast properties, which an Object.create(null) object gives up: 2,000 workflow elements
 * with four properties each were a tenth of the reader's time in dictionary mode.
 */
function XmlNode() { }
XmlNode.prototype = Object.create(null);
const newNode = () => new XmlNode();
function finish(element, positions) {
    const text = element.text.trim();
    const value = element.node;
    if (!value)
        return text;
    if (text !== '')
        value['#text'] = text;
    elementStarts.set(value, { positions, offset: element.nameStart - 1 });
    return value;
}
/**
 * Characters that end an element or attribute name: whatever `[^\s/>=<"'!?&;]` excludes, as a
 * table over UTF-16 code units (a name is scanned one unit at a time, 100,000 names per big file).
 */
const NAME_END = (() => {
    const table = new Uint8Array(0x10000);
    for (const c of '/>=<"\'!?&;\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') {
        table[c.charCodeAt(0)] = 1;
    }
    for (let c = 0x2000; c <= 0x200a; c++)
        table[c] = 1;
    return table;
})();
function isSpace(code) {
    return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
/** Whether text[from, to) is only spaces, tabs and line breaks (indentation between tags). */
function isIndentation(text, from, to) {
    for (let i = from; i < to; i++)
        if (!isSpace(text.charCodeAt(i)))
            return false;
    return true;
}
/** Whether text at `at` holds the same characters as text[start, start + length). */
function sameName(text, at, start, length) {
    for (let i = 0; i < length; i++) {
        if (text.charCodeAt(at + i) !== text.charCodeAt(start + i))
            return false;
    }
    return true;
}
/**
 * Where a skipped element that opens just before `from` ends, found by searching for its closing
 * tag; -1 when a search cannot tell (an element of the same name inside, a comment, CDATA
 * section or processing instruction, which may hold that tag as text), and the reader then walks
 * it tag by tag. Nothing inside is read, so nothing inside is
 * checked: a pull-request gate needs the parts it reads, and pac import checks the rest.
 */
function skippedSubtreeEnd(text, nameStart, nameLength, from) {
    const name = text.slice(nameStart, nameStart + nameLength);
    const close = text.indexOf(`</${name}>`, from);
    if (close === -1)
        return -1;
    // Searched in a slice: a search of the text would run on to its end for each element.
    const inside = text.slice(from, close);
    if (inside.includes('<!') || inside.includes('<?'))
        return -1;
    for (let at = inside.indexOf(`<${name}`); at !== -1; at = inside.indexOf(`<${name}`, at + 1)) {
        if (NAME_END[inside.charCodeAt(at + 1 + nameLength)] === 1)
            return -1;
    }
    return close + nameLength + 3;
}
/**
 * Reads a whole XML document. Returns `{ <root name>: value }`. Throws XmlSyntaxError with the
 * line for anything not well-formed, a DOCTYPE, or nesting deeper than `maxDepth`.
 *
 * The loop avoids allocating for what it only checks (indentation between tags, elements that
 * `keepChildren` skips, the common tag without attributes): customizations.xml of a 2,000-flow
 * solution is 100,000 tags, and allocation there was most of the reader's time.
 */
function readXml(text, options = {}) {
    const arrays = options.arrayNames ?? new Set();
    const maxDepth = options.maxDepth ?? 256;
    const keepChildren = keepListsOf(options.keepChildren);
    const sections = options.sections ? [...options.sections] : undefined;
    const positions = { text };
    const stack = [];
    const document = newNode();
    let rootSeen = false;
    let position = 0;
    // Where the next `&` is: text without one needs no entity work at all.
    let nextAmpersand = text.indexOf('&');
    const fail = (message, offset) => {
        throw new XmlSyntaxError(message, lineAt(text, offset));
    };
    const malformedStartTag = (name, lt) => fail(text.indexOf('>', lt) === -1
        ? `the file ends inside the start tag <${name}>: it is truncated`
        : `a malformed start tag <${name}>`, lt);
    const attach = (name, value) => {
        const parent = stack[stack.length - 1];
        if (parent)
            addChild((parent.node ??= newNode()), name, value, arrays);
        else
            addChild(document, name, value, arrays);
    };
    while (position < text.length) {
        const current = stack[stack.length - 1];
        // (Under a built element only while it has no text yet: the run also consumes the space
        // around its leaves, which mixed content would keep.)
        if (current &&
            (current.skipped || (current.kept && current.text === '')) &&
            stack.length < maxDepth) {
            LEAF_RUN.lastIndex = position;
            if (LEAF_RUN.test(text)) {
                const runEnd = LEAF_RUN.lastIndex;
                // Kept children in the run: `<` never occurs in a leaf's text, so a search finds tags.
                // (Searched in a slice: a search of the text would run on to its end for each run.)
                const kept = current.kept;
                if (kept) {
                    const run = text.slice(position, runEnd);
                    for (const name of kept) {
                        const open = `<${name}>`;
                        for (let at = run.indexOf(open); at !== -1;) {
                            LEAF.lastIndex = position + at;
                            const leaf = LEAF.exec(text);
                            addChild((current.node ??= newNode()), name, leaf[2].trim(), arrays);
                            at = run.indexOf(open, LEAF.lastIndex - position);
                        }
                    }
                }
                position = runEnd;
            }
        }
        const lt = text.indexOf('<', position);
        const end = lt === -1 ? text.length : lt;
        if (end > position) {
            const top = stack[stack.length - 1];
            if (nextAmpersand !== -1 && nextAmpersand < position) {
                nextAmpersand = text.indexOf('&', position);
            }
            const hasEntity = nextAmpersand !== -1 && nextAmpersand < end;
            if (top) {
                // Leading indentation is trimmed anyway, so it is not collected.
                if (!top.skipped && (top.text !== '' || hasEntity || !isIndentation(text, position, end))) {
                    top.text += decodeEntities(text.slice(position, end), text, position);
                }
                else if (hasEntity)
                    decodeEntities(text.slice(position, end), text, position);
            }
            else if (text.slice(position, end).trim() !== '')
                fail('text outside the root element', position);
        }
        if (lt === -1)
            break;
        const next = text.charCodeAt(lt + 1);
        if (next === 0x21 /* ! */) {
            if (text.startsWith('<!--', lt)) {
                const close = text.indexOf('-->', lt + 4);
                if (close === -1)
                    fail('a comment is never closed', lt);
                position = close + 3;
                continue;
            }
            if (text.startsWith('<![CDATA[', lt)) {
                const close = text.indexOf(']]>', lt + 9);
                if (close === -1)
                    fail('a CDATA section is never closed', lt);
                const top = stack[stack.length - 1];
                if (!top)
                    fail('CDATA outside the root element', lt);
                top.text += text.slice(lt + 9, close);
                position = close + 3;
                continue;
            }
            if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
                throw new XmlSyntaxError('a DOCTYPE is not allowed', lineAt(text, lt), true);
            }
            fail('markup declarations are not allowed', lt);
        }
        if (next === 0x3f /* ? */) {
            const close = text.indexOf('?>', lt + 2);
            if (close === -1)
                fail('a processing instruction is never closed', lt);
            position = close + 2;
            continue;
        }
        if (next === 0x2f /* / */) {
            const element = stack[stack.length - 1];
            // Fast path: `</name>` exactly as opened.
            const after = lt + 2 + (element ? element.nameLength : 0);
            let closeEnd;
            if (element &&
                text.charCodeAt(after) === 0x3e &&
                sameName(text, lt + 2, element.nameStart, element.nameLength)) {
                closeEnd = after + 1;
            }
            else {
                CLOSE_TAG.lastIndex = lt;
                const match = CLOSE_TAG.exec(text);
                if (!match) {
                    fail(text.indexOf('>', lt) === -1
                        ? 'the file ends inside a closing tag: it is truncated'
                        : 'a malformed closing tag', lt);
                }
                if (!element)
                    fail(`closing tag </${match[1]}> without an open element`, lt);
                const opened = text.slice(element.nameStart, element.nameStart + element.nameLength);
                if (opened !== match[1]) {
                    fail(`closing tag </${match[1]}> does not match <${opened}>`, lt);
                }
                closeEnd = CLOSE_TAG.lastIndex;
            }
            stack.pop();
            position = closeEnd;
            if (!element.skipped)
                attach(element.name, finish(element, positions));
            continue;
        }
        if (stack.length > 0 && stack.length < maxDepth) {
            LEAF.lastIndex = lt;
            const leaf = LEAF.exec(text);
            if (leaf) {
                position = LEAF.lastIndex;
                const parent = stack[stack.length - 1];
                if (!parent.skipped) {
                    const leafName = leaf[1];
                    const kept = parent.kept;
                    if (!kept || kept.includes(leafName)) {
                        addChild((parent.node ??= newNode()), leafName, leaf[2].trim(), arrays);
                    }
                }
                continue;
            }
        }
        // A start tag.
        const nameStart = lt + 1;
        let cursor = nameStart;
        while (cursor < text.length && NAME_END[text.charCodeAt(cursor)] === 0)
            cursor++;
        const nameLength = cursor - nameStart;
        if (nameLength === 0)
            fail('a < that does not start a tag', lt);
        const parentElement = stack[stack.length - 1];
        let skipped = false;
        if (parentElement) {
            const kept = parentElement.skipped ? undefined : parentElement.kept;
            skipped =
                parentElement.skipped ||
                    (kept !== undefined &&
                        !kept.some((keptName) => keptName.length === nameLength && text.startsWith(keptName, nameStart)));
        }
        const name = skipped ? '' : text.slice(nameStart, cursor);
        let node;
        let selfClosing;
        if (skipped) {
            SKIPPED_TAG_REST.lastIndex = cursor;
            if (!SKIPPED_TAG_REST.test(text)) {
                malformedStartTag(text.slice(nameStart, nameStart + nameLength), lt);
            }
            position = SKIPPED_TAG_REST.lastIndex;
            if (nextAmpersand !== -1 && nextAmpersand < cursor)
                nextAmpersand = text.indexOf('&', cursor);
            if (nextAmpersand !== -1 && nextAmpersand < position) {
                decodeEntities(text.slice(cursor, position), text, cursor);
            }
            selfClosing = text.charCodeAt(position - 2) === 0x2f;
            if (!selfClosing) {
                const end = skippedSubtreeEnd(text, nameStart, nameLength, position);
                if (end !== -1) {
                    position = end;
                    continue;
                }
            }
        }
        else {
            let code = text.charCodeAt(cursor);
            if (code !== 0x3e /* > */ && code !== 0x2f /* / */) {
                for (;;) {
                    ATTRIBUTE.lastIndex = cursor;
                    const attribute = ATTRIBUTE.exec(text);
                    if (!attribute)
                        break;
                    node ??= newNode();
                    const key = `@${attribute[1]}`;
                    if (Object.prototype.hasOwnProperty.call(node, key)) {
                        fail(`attribute ${attribute[1]} appears twice on <${name}>`, cursor);
                    }
                    // Trimmed like text: exports carry stray spaces in names ("Archive Approval ").
                    node[key] = decodeEntities(attribute[2] ?? attribute[3] ?? '', text, cursor).trim();
                    cursor = ATTRIBUTE.lastIndex;
                }
                code = text.charCodeAt(cursor);
            }
            if (code === 0x3e) {
                selfClosing = false;
                position = cursor + 1;
            }
            else if (code === 0x2f && text.charCodeAt(cursor + 1) === 0x3e) {
                selfClosing = true;
                position = cursor + 2;
            }
            else {
                TAG_END.lastIndex = cursor;
                const tagEnd = TAG_END.exec(text);
                if (!tagEnd)
                    malformedStartTag(name, lt);
                selfClosing = tagEnd[1] === '/';
                position = TAG_END.lastIndex;
            }
        }
        if (stack.length === 0) {
            if (rootSeen)
                fail('a second root element', lt);
            rootSeen = true;
        }
        const element = {
            nameStart,
            nameLength,
            name,
            node,
            text: '',
            skipped,
            kept: skipped
                ? undefined
                : stack.length === 0 && sections
                    ? sections
                    : keepChildren?.get(name),
        };
        if (selfClosing) {
            if (!skipped)
                attach(name, finish(element, positions));
        }
        else {
            if (stack.length >= maxDepth)
                fail(`elements nest deeper than ${maxDepth} levels`, lt);
            stack.push(element);
        }
    }
    const unclosed = stack[stack.length - 1];
    if (unclosed) {
        const name = text.slice(unclosed.nameStart, unclosed.nameStart + unclosed.nameLength);
        fail(`<${name}> is never closed: the file is truncated, or misses its end tag`, text.length);
    }
    if (!rootSeen)
        fail('no root element', 0);
    return document;
}

;// CONCATENATED MODULE: ./src/core/solution/files.ts
// One view over the three physical forms of a solution (zip, extracted zip, unpacked folder), so
// the fact extraction never cares where bytes come from. The two forms are zip-files.ts and
// folder-files.ts.
/** A problem reading one file of a solution; becomes SL001 at that file. */
class SolutionFileError extends Error {
    file;
    name = 'SolutionFileError';
    constructor(message, file) {
        super(message);
        this.file = file;
    }
}

;// CONCATENATED MODULE: ./src/core/solution/content.ts
// Reading the text, XML and JSON files of a solution, and walking the parsed XML. Bad content in
// a file that matters is SolutionContentError: SL001 at that file.



const ARRAY_ELEMENTS = new Set([
    'connectionreference',
    'Workflow',
    'CanvasApp',
    'Connector',
    'MissingDependency',
    'LocalizedName',
    'environmentvariabledefinition',
    // Copilot Studio relation sets (Assets/botcomponent_*set.xml): one row per pair.
    'botcomponent_connectionreference',
    'botcomponent_dvtablesearch',
]);
/** Real solution files nest less than 20 deep; deeper is hostile or broken. */
const MAX_XML_DEPTH = 100;
/** Invalid XML in a file that matters: SL001 at that file. */
class SolutionContentError extends SolutionFileError {
}
/**
 * Characters XML 1.0 forbids: C0 controls but tab/LF/CR, U+FFFE and U+FFFF. Lone surrogates are
 * forbidden too, but text reaches the parser only through strict decoding (readText), which
 * refuses them.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** Reads a file as text; bytes that are not valid UTF-8/UTF-16 are SL001 at that file. */
function readText(files, path) {
    const bytes = files.read(path);
    try {
        return (0,core_text/* decodeText */.g7)(bytes, { strict: true });
    }
    catch (error) {
        if (!(error instanceof core_text/* TextDecodingError */.hF))
            throw error;
        const where = files.where(path);
        throw new SolutionContentError(`${where} ${error.message}; re-export or re-unpack the solution`, where);
    }
}
/**
 * Parses a solution XML file into the node shape of ../xml.ts; anything not well-formed, a
 * DOCTYPE or nesting past MAX_XML_DEPTH is SL001 at that file. `keepChildren` and `sections`
 * limit what is built (see XmlReadOptions); the rest is skipped, and only partly checked.
 */
function parseXml(text, where, keepChildren, sections) {
    const invalid = INVALID_XML_CHARACTER.exec(text);
    if (invalid) {
        const code = invalid[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new SolutionContentError(`${where} is not well-formed XML (character U+${code} is not allowed in XML); re-export or re-unpack the solution`, where);
    }
    try {
        return readXml(text, {
            arrayNames: ARRAY_ELEMENTS,
            maxDepth: MAX_XML_DEPTH,
            keepChildren,
            sections,
        });
    }
    catch (error) {
        if (!(error instanceof XmlSyntaxError))
            throw error;
        if (error.refused) {
            // Dataverse never writes a DOCTYPE; refusing it rules out entity expansion attacks outright.
            throw new SolutionContentError(`${where} has a DOCTYPE (line ${error.line}), which Dataverse never writes; refusing to read it`, where);
        }
        throw new SolutionContentError(`${where} is not well-formed XML (${error.message}); re-export or re-unpack the solution`, where);
    }
}
function parseJson(text, where) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new SolutionContentError(`${where} is not valid JSON (${error.message}); re-export or re-unpack the solution`, where);
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Text content of an element that may also carry attributes. */
function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (isObject(value) && typeof value['#text'] === 'string')
        return value['#text'];
    if (isObject(value) || value === '')
        return '';
    return undefined;
}
function child(node, name) {
    return isObject(node) ? node[name] : undefined;
}
function childText(node, name) {
    return textOf(child(node, name));
}
function attr(node, name) {
    const value = child(node, `@${name}`);
    return typeof value === 'string' ? value : undefined;
}
function asArray(value) {
    if (value === undefined || value === null || value === '')
        return [];
    return Array.isArray(value) ? value : [value];
}
/** Finds a case-insensitively named child: exports differ in the case of a few elements. */
function childCI(node, name) {
    if (!isObject(node))
        return undefined;
    if (name in node)
        return node[name];
    const lower = name.toLowerCase();
    for (const key of Object.keys(node))
        if (key.toLowerCase() === lower)
            return node[key];
    return undefined;
}
/** Where a built element starts: the file, and the line when the element is an object. */
function elementLocation(element, where) {
    const line = elementLine(element);
    return line === undefined ? { file: where } : { file: where, line };
}

;// CONCATENATED MODULE: ./src/core/solution/agents.ts


/**
 * `<componenttype>` codes (the botcomponent table's choices; 15 to 17 as seen in real exports)
 * as short kinds for the report. Topics (0 and 9) whose data is a `TaskDialog` are the agent's
 * tools and actions, reported as `action`.
 */
const COMPONENT_KINDS = {
    '0': 'topic',
    '1': 'skill',
    '2': 'variable',
    '3': 'entity',
    '4': 'dialog',
    '5': 'trigger',
    '6': 'languageUnderstanding',
    '7': 'languageGeneration',
    '8': 'dialogSchema',
    '9': 'topic',
    '10': 'translations',
    '11': 'entity',
    '12': 'variable',
    '13': 'skill',
    '14': 'fileAttachment',
    '15': 'gpt',
    '16': 'knowledge',
    '17': 'trigger',
};
/** A component whose own files are not in the export (known only from a set row). */
const UNKNOWN_KIND = 'unknown';
/**
 * Deepest nesting of a `data` file handed to the YAML parser. It composes documents recursively:
 * a hostile file nested some 800 levels deep exhausts the stack, which it mostly reports as
 * an error but once took the whole process down. Copilot Studio writes a few dozen levels.
 */
const MAX_YAML_FLOW_DEPTH = 200;
/** Block nesting shows as indentation and `- `, `? `, `: ` indicators before a line's content. */
const DEEP_BLOCK_LINE = /^(?:[ \t]|[-?:][ \t]){300}/m;
function folderOf(path) {
    return path.split('/')[1] ?? '';
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}
/**
 * yaml is a chunk of its own, loaded only for a solution with agent components: compiling its
 * 300 KB cost every start-up about 20 ms (docs/architecture.md, "yaml").
 */
function loadYaml() {
    return __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
}
/** The `connectionReference:` values of a component's data, with their lines, and its kind. */
function readComponentData(yaml, text, where) {
    const { isAlias, isScalar, LineCounter, parseAllDocuments, visit } = yaml;
    if (isNestedTooDeep(text)) {
        throw new SolutionContentError(`${where} nests deeper than Copilot Studio ever writes; re-export or re-unpack the solution`, where);
    }
    const lineCounter = new LineCounter();
    // Duplicate keys are tolerated: a hand-edited file that Copilot Studio still imports must not
    // be refused here for it.
    const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
    const references = [];
    let rootKind;
    for (const document of documents) {
        const error = document.errors[0];
        if (error) {
            // The parser's message is one line and a code frame: keep the line, without its colon.
            const message = error.message.split('\n')[0].replace(/:\s*$/, '');
            throw new SolutionContentError(`${where} is not valid YAML (${message}); re-export or re-unpack the solution`, where);
        }
        rootKind ??= kindOf(yaml, document);
        visit(document, {
            Pair(_key, pair) {
                if (!isScalar(pair.key) || pair.key.value !== 'connectionReference')
                    return;
                const node = isAlias(pair.value) ? pair.value.resolve(document) : pair.value;
                if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '')
                    return;
                const offset = (isAlias(pair.value) ? pair.value : node).range?.[0] ?? 0;
                references.push({ name: node.value.trim(), line: lineCounter.linePos(offset).line });
            },
        });
    }
    return rootKind === undefined ? { references } : { rootKind, references };
}
function kindOf(yaml, document) {
    if (!yaml.isMap(document.contents))
        return undefined;
    const kind = document.contents.get('kind');
    return typeof kind === 'string' ? kind : undefined;
}
/** Flow collections deeper than the limit, counted without regard to quoting (an upper bound). */
function isNestedTooDeep(text) {
    let depth = 0;
    for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        if (code === 0x5b || code === 0x7b) {
            if (++depth > MAX_YAML_FLOW_DEPTH)
                return true;
        }
        else if ((code === 0x5d || code === 0x7d) && depth > 0)
            depth--;
    }
    return DEEP_BLOCK_LINE.test(text);
}
async function readBots(files) {
    const agents = new Map();
    for (const path of await files.list('bots', 2)) {
        if (baseName(path) !== 'bot.xml' || path.split('/').length !== 3)
            continue;
        const where = files.where(path);
        const bot = child(parseXml(readText(files, path), where), 'bot');
        const schemaName = attr(bot, 'schemaname')?.trim() || folderOf(path);
        const key = schemaName.toLowerCase();
        if (agents.has(key))
            continue;
        agents.set(key, {
            schemaName,
            displayName: childText(bot, 'name')?.trim() || schemaName,
            location: { file: where },
            components: [],
        });
    }
    return agents;
}
async function readComponentFiles(files) {
    const byFolder = new Map();
    for (const path of await files.list('botcomponents', 2)) {
        const segments = path.split('/');
        if (segments.length !== 3)
            continue;
        const name = baseName(path);
        if (name !== 'botcomponent.xml' && name !== 'data')
            continue;
        const folder = segments[1];
        const entry = byFolder.get(folder.toLowerCase()) ?? { folder };
        if (name === 'data')
            entry.data = path;
        else
            entry.xml = path;
        byFolder.set(folder.toLowerCase(), entry);
    }
    const components = new Map();
    const yaml = [...byFolder.values()].some((entry) => entry.data) ? await loadYaml() : undefined;
    for (const { xml, data, folder } of byFolder.values()) {
        const draft = {
            schemaName: folder,
            setUses: [],
            dataUses: [],
            knowledgeUses: [],
        };
        if (xml) {
            const element = child(parseXml(readText(files, xml), files.where(xml)), 'botcomponent');
            draft.schemaName = attr(element, 'schemaname')?.trim() || folder;
            const displayName = childText(element, 'name')?.trim();
            if (displayName)
                draft.displayName = displayName;
            const typeCode = childText(element, 'componenttype')?.trim();
            if (typeCode)
                draft.typeCode = typeCode;
            const parent = childText(child(element, 'parentbotid'), 'schemaname')?.trim();
            if (parent)
                draft.parent = parent;
        }
        // Every data file is parsed, also those that name no reference: one that is not YAML is
        // SL001 (docs/architecture.md, "yaml (Copilot Studio agent data)", has the cost).
        if (data && yaml) {
            const where = files.where(data);
            const facts = readComponentData(yaml, readText(files, data), where);
            if (facts.rootKind)
                draft.dataKind = facts.rootKind;
            for (const { name, line } of facts.references) {
                draft.dataUses.push({ connectionReference: name, location: { file: where, line } });
            }
        }
        // Two folders naming one component (not seen; a hand-merged export): one component, and
        // neither folder's uses is lost.
        const key = draft.schemaName.toLowerCase();
        const earlier = components.get(key);
        if (earlier)
            earlier.dataUses.push(...draft.dataUses);
        else
            components.set(key, draft);
    }
    return components;
}
/** Rows of an `Assets/<set>.xml` relation file, each with its line. */
async function setRows(files, setName, rowName) {
    const path = await files.find(`Assets/${setName}.xml`);
    if (!path)
        return [];
    const where = files.where(path);
    const rows = asArray(child(child(parseXml(readText(files, path), where), setName), rowName));
    return rows.map((row) => ({ row, location: elementLocation(row, where) }));
}
/** Knowledge sources (`dvtablesearchs/<id>/dvtablesearch.xml`) that name a reference, by id. */
async function readKnowledgeSources(files) {
    const sources = new Map();
    // `dvtablesearchs` is what Dataverse writes; tools reading these exports also accept the
    // regular plural.
    for (const folder of ['dvtablesearchs', 'dvtablesearches']) {
        for (const path of await files.list(folder, 2)) {
            if (baseName(path) !== 'dvtablesearch.xml' || path.split('/').length !== 3)
                continue;
            const where = files.where(path);
            const text = readText(files, path);
            const element = child(parseXml(text, where), 'dvtablesearch');
            const id = (attr(element, 'dvtablesearchid') ?? folderOf(path))
                .replace(/[{}]/g, '')
                .toLowerCase();
            if (sources.has(id))
                continue;
            // The parser keeps the line of each <connectionreference>, not of its text-only name
            // element: that is the first name tag from the reference's own line on.
            const lines = new core_text/* LineIndex */.rr(text);
            const pattern = /<connectionreferencelogicalname[\s>]/g;
            const uses = asArray(child(element, 'connectionreference')).flatMap((reference) => {
                const name = childText(reference, 'connectionreferencelogicalname')?.trim();
                if (!name)
                    return [];
                const location = elementLocation(reference, where);
                if (location.line !== undefined) {
                    pattern.lastIndex = lines.startOf(location.line);
                    const match = pattern.exec(text);
                    if (match)
                        location.line = lines.lineOf(match.index);
                }
                return [{ connectionReference: name, location }];
            });
            if (uses.length === 0)
                continue;
            sources.set(id, { name: childText(element, 'name')?.trim() || id, uses, linked: false });
        }
    }
    return sources;
}
function componentNamed(components, schemaName) {
    const key = schemaName.toLowerCase();
    let draft = components.get(key);
    if (!draft) {
        draft = { schemaName, setUses: [], dataUses: [], knowledgeUses: [] };
        components.set(key, draft);
    }
    return draft;
}
/**
 * The agent a component belongs to: `<parentbotid><schemaname>` when its botcomponent.xml says so.
 * Otherwise (its files are not in the export, or it sits in a component collection) the name
 * tells: Copilot Studio names components `<bot>.<type>.<name>`, so a bot whose schema name and a
 * dot begin the component's name is its agent; failing that the part before the first dot names
 * an agent that the export does not hold (the use still counts: the reference is not unused). A
 * name without a dot belongs to the solution's only bot, when it has one.
 */
function parentOf(draft, agents, onlyBot) {
    if (draft.parent)
        return draft.parent;
    const lower = draft.schemaName.toLowerCase();
    let best;
    for (const agent of agents.values()) {
        const name = agent.schemaName;
        if (lower.startsWith(`${name.toLowerCase()}.`) && name.length > (best?.length ?? 0)) {
            best = name;
        }
    }
    if (best)
        return best;
    const dot = draft.schemaName.indexOf('.');
    if (dot > 0)
        return draft.schemaName.slice(0, dot);
    return onlyBot ?? draft.schemaName;
}
/**
 * A knowledge source that no set row links to a component (not seen in real exports, where the
 * two come together) still names a reference that an agent uses: it is attributed to the agent
 * whose schema name begins the reference's name (agent-made references are `<bot>.cr.<id>`),
 * else to the solution's only agent, else to an agent named by that prefix.
 */
function unlinkedKnowledgeOwner(source, agents) {
    const reference = source.uses[0].connectionReference.toLowerCase();
    for (const agent of agents.values()) {
        if (reference.startsWith(`${agent.schemaName.toLowerCase()}.`))
            return agent.schemaName;
    }
    if (agents.size === 1)
        return [...agents.values()][0].schemaName;
    const dot = source.uses[0].connectionReference.indexOf('.');
    return dot > 0 ? source.uses[0].connectionReference.slice(0, dot) : source.name;
}
/** The kind a data file's root `kind:` tells, for a component without its botcomponent.xml. */
const DATA_KINDS = {
    AdaptiveDialog: 'topic',
    TaskDialog: 'action',
    KnowledgeSourceConfiguration: 'knowledge',
    GptComponentMetadata: 'gpt',
};
function kindOfDraft(draft) {
    if (draft.typeCode === undefined) {
        if (draft.dataKind === undefined)
            return UNKNOWN_KIND;
        return DATA_KINDS[draft.dataKind] ?? 'other';
    }
    const kind = COMPONENT_KINDS[draft.typeCode] ?? 'other';
    return kind === 'topic' && draft.dataKind === 'TaskDialog' ? 'action' : kind;
}
/** Every agent of the solution with its components and the references each uses. */
async function readAgents(files) {
    const agents = await readBots(files);
    const components = await readComponentFiles(files);
    for (const { row, location } of await setRows(files, 'botcomponent_connectionreferenceset', 'botcomponent_connectionreference')) {
        const component = attr(row, 'botcomponentid.schemaname')?.trim();
        const reference = attr(row, 'connectionreferenceid.connectionreferencelogicalname')?.trim();
        if (!component || !reference)
            continue;
        componentNamed(components, component).setUses.push({
            connectionReference: reference,
            location,
        });
    }
    // Classic (Power Virtual Agents) exports: the component files name no parent; the bot's
    // components are rows of this relation instead.
    for (const { row } of await setRows(files, 'bot_botcomponentset', 'bot_botcomponent')) {
        const component = attr(row, 'botcomponentid.schemaname')?.trim();
        const bot = attr(row, 'botid.schemaname')?.trim();
        const draft = component === undefined ? undefined : components.get(component.toLowerCase());
        if (draft && bot && !draft.parent)
            draft.parent = bot;
    }
    const knowledge = await readKnowledgeSources(files);
    if (knowledge.size > 0) {
        for (const { row } of await setRows(files, 'botcomponent_dvtablesearchset', 'botcomponent_dvtablesearch')) {
            const component = attr(row, 'botcomponentid.schemaname')?.trim();
            const id = attr(row, 'dvtablesearchid.dvtablesearchid')?.replace(/[{}]/g, '').toLowerCase();
            const source = id === undefined ? undefined : knowledge.get(id);
            if (!component || !source)
                continue;
            source.linked = true;
            componentNamed(components, component).knowledgeUses.push(...source.uses);
        }
        for (const source of knowledge.values()) {
            if (source.linked)
                continue;
            const owner = unlinkedKnowledgeOwner(source, agents);
            const draft = componentNamed(components, `${owner}.knowledge.${source.name}`);
            draft.parent = owner;
            draft.displayName = source.name;
            draft.typeCode = '16';
            draft.knowledgeUses.push(...source.uses);
        }
    }
    const onlyBot = agents.size === 1 ? [...agents.values()][0].schemaName : undefined;
    for (const draft of components.values()) {
        const parent = parentOf(draft, agents, onlyBot);
        const key = parent.toLowerCase();
        let agent = agents.get(key);
        if (!agent) {
            agent = { schemaName: parent, displayName: parent, components: [] };
            agents.set(key, agent);
        }
        const component = {
            schemaName: draft.schemaName,
            displayName: draft.displayName ?? draft.schemaName,
            kind: kindOfDraft(draft),
            uses: [...draft.setUses, ...draft.dataUses, ...draft.knowledgeUses],
        };
        agent.components.push(component);
    }
    const result = [...agents.values()].sort((a, b) => (0,core_text/* compareText */.n6)(a.schemaName, b.schemaName));
    for (const agent of result) {
        agent.components.sort((a, b) => (0,core_text/* compareText */.n6)(a.schemaName, b.schemaName));
    }
    return result;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
;// CONCATENATED MODULE: ./src/core/solution/flow-json.ts
// Cloud-flow JSON: the part of a solution that grows with it (2,000 flows are 15 MB of JSON, most
// of a big check's work). Only `properties.connectionReferences` is parsed, found with native
// searches over the bytes.


/** A flow file that is not valid text or JSON; the message reads after the file's name. */
class FlowContentError extends Error {
    name = 'FlowContentError';
}
/** The last path segment of a connector id: the api name. */
function apiNameOf(connectorId) {
    const segments = connectorId.split('/').filter((s) => s !== '');
    return segments[segments.length - 1] ?? connectorId;
}
function flow_json_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function flow_json_child(node, name) {
    return flow_json_isObject(node) ? node[name] : undefined;
}
/** The connections of a flow from its `properties.connectionReferences`, sorted by key. */
function flowConnections(references) {
    const connections = [];
    if (!flow_json_isObject(references))
        return connections;
    for (const key of Object.keys(references)) {
        const entry = references[key];
        const api = flow_json_child(entry, 'api');
        const logicalName = flow_json_child(flow_json_child(entry, 'connection'), 'connectionReferenceLogicalName');
        const apiName = flow_json_child(api, 'name');
        const id = flow_json_child(entry, 'id');
        const connection = {
            key,
            // Older exports carry only `id: /providers/.../apis/<name>`.
            api: typeof apiName === 'string' ? apiName : typeof id === 'string' ? apiNameOf(id) : key,
            connectionReference: typeof logicalName === 'string' && logicalName !== '' ? logicalName : null,
        };
        const apiLogicalName = flow_json_child(api, 'logicalName');
        if (typeof apiLogicalName === 'string')
            connection.apiLogicalName = apiLogicalName;
        const runtimeSource = flow_json_child(entry, 'runtimeSource');
        if (typeof runtimeSource === 'string')
            connection.runtimeSource = runtimeSource;
        connections.push(connection);
    }
    return connections.length > 1
        ? connections.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        : connections;
}
// ---------------------------------------------------------------------------------------------
// One flow file
const isJsonSpace = (byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
const DEFINITION_KEY = Buffer.from('"definition"');
/** The head of every export, up to the `{` that opens the references (JSON space allowed). */
const FLOW_HEAD = /^[ \t\r\n]*\{[ \t\r\n]*"properties"[ \t\r\n]*:[ \t\r\n]*\{[ \t\r\n]*"connectionReferences"[ \t\r\n]*:[ \t\r\n]*\{/;
/**
 * `properties.connectionReferences` of a flow, parsed on its own. Every export starts
 * `{"properties": {"connectionReferences": {…}, "definition": …`, and the definition after it is
 * most of the file and nothing a rule reads. The references end at the `}` before
 * `, "definition"`: a quote inside a JSON string is escaped, so that key cannot hide in one, and
 * the slice must parse as one object, so a cut anywhere else fails. Native searches and
 * JSON.parse do the work; a byte loop in JavaScript cost more on a cold start than all of them.
 * Undefined when the file is shaped otherwise or looks truncated; the caller then parses the
 * whole file, so a malformed file is still SL001.
 */
function leadingConnectionReferences(utf8) {
    let end = utf8.length - 1;
    while (isJsonSpace(utf8[end]))
        end--;
    if (utf8[end] !== 0x7d)
        return undefined;
    // One native match over the head (latin1 keeps byte offsets: the head is ASCII).
    const head = FLOW_HEAD.exec(utf8.toString('latin1', 0, 256));
    if (!head)
        return undefined;
    const start = head[0].length - 1;
    const key = utf8.indexOf(DEFINITION_KEY, start);
    if (key < 0)
        return undefined;
    let close = key - 1;
    while (isJsonSpace(utf8[close]))
        close--;
    if (utf8[close] !== 0x2c /* , */)
        return undefined;
    close--;
    while (isJsonSpace(utf8[close]))
        close--;
    if (utf8[close] !== 0x7d)
        return undefined;
    try {
        const references = JSON.parse(utf8.toString('utf8', start, close + 1));
        return flow_json_isObject(references) ? references : undefined;
    }
    catch {
        return undefined;
    }
}
const REEXPORT = 're-export or re-unpack the solution';
/**
 * The connections of one flow file's bytes (UTF-8 with or without a BOM, or UTF-16). Throws
 * FlowContentError for bytes that are not valid text or JSON.
 */
function readFlowConnections(bytes) {
    const { encoding, start } = (0,core_text/* detectEncoding */.X0)(bytes);
    let utf8;
    if (encoding === 'utf8') {
        utf8 = start === 0 ? bytes : bytes.subarray(start);
        // The whole file is checked, not only the part parsed: invalid bytes are SL001 anywhere.
        if (!(0,external_node_buffer_.isUtf8)(utf8))
            throw new FlowContentError(`is not valid UTF-8 text; ${REEXPORT}`);
    }
    else {
        try {
            utf8 = Buffer.from((0,core_text/* decodeText */.g7)(bytes, { strict: true }), 'utf8');
        }
        catch (error) {
            if (!(error instanceof core_text/* TextDecodingError */.hF))
                throw error;
            throw new FlowContentError(`${error.message}; ${REEXPORT}`);
        }
    }
    const references = leadingConnectionReferences(utf8);
    if (references !== undefined)
        return flowConnections(references);
    let parsed;
    try {
        parsed = JSON.parse(utf8.toString('utf8'));
    }
    catch (error) {
        throw new FlowContentError(`is not valid JSON (${error.message}); ${REEXPORT}`);
    }
    return flowConnections(flow_json_child(flow_json_child(parsed, 'properties'), 'connectionReferences'));
}

;// CONCATENATED MODULE: ./src/core/solution/connectors.ts


/** Custom connector api names end in `-5f<environment hash>`: `shared_cr715-5finstagrampost-5f70b18ed495d69cb6`. */
const CUSTOM_API_NAME = /^shared_[a-z0-9]+-5f.+-5f[0-9a-f]{12,}$/i;
function isCustomApiName(apiName) {
    return CUSTOM_API_NAME.test(apiName);
}
/** `cat_approvals-20kit` / `cr715_5Finstagrampost` → `shared_cat-5fapprovals-20kit-5f` prefix. */
function customConnectorApiPrefix(connectorName) {
    const lower = connectorName.toLowerCase();
    const underscore = lower.indexOf('_');
    if (underscore < 0)
        return `shared_${lower}-5f`;
    const publisher = lower.slice(0, underscore);
    const rest = lower.slice(underscore + 1).replace(/^5f/, '');
    return `shared_${publisher}-5f${rest}-5f`;
}
/** A `<Connector>` element, or undefined when it has no name. */
function customConnectorFrom(element, location) {
    const name = childText(element, 'name');
    if (!name)
        return undefined;
    const connectorId = childText(element, 'connectorid');
    const displayName = childText(element, 'displayname');
    return {
        name,
        ...(connectorId ? { connectorId } : {}),
        ...(displayName ? { displayName } : {}),
        location,
    };
}
/** Unpacked: one `Connectors/<name>.xml` per connector (zips describe them in customizations.xml). */
async function readConnectorFiles(files, into) {
    for (const path of (await files.list('Connectors', 1)).filter((p) => p.toLowerCase().endsWith('.xml'))) {
        const where = files.where(path);
        for (const element of asArray(child(parseXml(readText(files, path), where), 'Connector'))) {
            const connector = customConnectorFrom(element, { file: where });
            if (connector)
                into.set(connector.name.toLowerCase(), connector);
        }
    }
}
/** A connection reference to a connector defined in this solution is a custom one too. */
function markCustomReferences(references, connectors) {
    const customPrefixes = [...connectors].map((c) => customConnectorApiPrefix(c.name));
    return references.map((reference) => {
        if (reference.custom)
            return reference;
        const api = apiNameOf(reference.connectorId).toLowerCase();
        return customPrefixes.some((prefix) => api.startsWith(prefix))
            ? { ...reference, custom: true }
            : reference;
    });
}

;// CONCATENATED MODULE: ./src/core/solution/canvas-apps.ts



function canvasAppConnectors(connectionReferencesJson, dependenciesJson, where) {
    if (!connectionReferencesJson || connectionReferencesJson.trim() === '')
        return [];
    const parsed = parseJson(connectionReferencesJson, where);
    if (!isObject(parsed))
        return [];
    // Connectors the app depends on as solution components (componenttype 372) are custom.
    const customDependencies = new Set();
    if (dependenciesJson && dependenciesJson.trim() !== '') {
        const dependencies = child(parseJson(dependenciesJson, where), 'cdsdependencies');
        for (const dependency of asArray(dependencies)) {
            const logicalName = child(dependency, 'logicalname');
            if (child(dependency, 'componenttype') === 372 && typeof logicalName === 'string') {
                customDependencies.add(customConnectorApiPrefix(logicalName));
            }
        }
    }
    const connectors = [];
    for (const entry of Object.values(parsed)) {
        const id = child(entry, 'id');
        if (typeof id !== 'string')
            continue;
        const api = apiNameOf(id).toLowerCase();
        const customApiLogicalName = child(entry, 'customApiLogicalName');
        const custom = typeof customApiLogicalName === 'string' ||
            child(entry, 'isCustomApiSolutionAware') === true ||
            child(entry, 'isCustomApiConnection') === true ||
            isCustomApiName(api) ||
            [...customDependencies].some((prefix) => api.startsWith(prefix));
        const displayName = child(entry, 'displayName');
        connectors.push({
            id,
            custom,
            ...(typeof displayName === 'string' ? { displayName } : {}),
            ...(typeof customApiLogicalName === 'string' ? { customApiLogicalName } : {}),
        });
    }
    return connectors.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** A `<CanvasApp>` element, or undefined when it has no name. */
function canvasAppFrom(element, location) {
    const name = childText(element, 'Name');
    if (!name)
        return undefined;
    return {
        name,
        displayName: childText(element, 'DisplayName') || name,
        connectors: canvasAppConnectors(childText(element, 'ConnectionReferences'), childText(element, 'CdsDependencies'), location.file),
        location,
    };
}
/** Unpacked: one `CanvasApps/<app>.meta.xml` per app. */
async function readCanvasAppFiles(files, into) {
    for (const path of (await files.list('CanvasApps', 1)).filter((p) => p.toLowerCase().endsWith('.meta.xml'))) {
        const where = files.where(path);
        for (const element of asArray(child(parseXml(readText(files, path), where), 'CanvasApp'))) {
            const app = canvasAppFrom(element, { file: where });
            if (app)
                into.set(app.name.toLowerCase(), app);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/solution/connection-references.ts



/** A `<connectionreference>` element, or undefined when it has no logical name. */
function connectionReferenceFrom(element, location) {
    const logicalName = attr(element, 'connectionreferencelogicalname');
    if (!logicalName)
        return undefined;
    const connectorId = childText(element, 'connectorid') ?? '';
    const customConnectorId = childText(child(element, 'customconnectorid'), 'connectorid');
    const reference = {
        logicalName,
        displayName: childText(element, 'connectionreferencedisplayname') ?? logicalName,
        connectorId,
        custom: Boolean(customConnectorId) || isCustomApiName(apiNameOf(connectorId)),
        location,
    };
    if (customConnectorId)
        reference.customConnectorId = customConnectorId;
    return reference;
}

;// CONCATENATED MODULE: ./src/core/solution/flows.ts
// Cloud flows: `Workflows/*.json` and their metadata, a `<Workflow>` element inside
// customizations.xml (zips) or `Workflows/<file>.json.data.xml` (unpacked). The flow JSON itself
// is read by flow-json.ts.



/** What the reader uses of a workflow element: the rest is checked but never built. */
const WORKFLOW_CHILDREN = new Map([
    ['Workflow', new Set(['JsonFileName', 'Category'])],
]);
/** Adds a `<Workflow>` element's metadata, keyed by its JSON file's lower-case path. */
function addWorkflowMetadata(element, where, into) {
    const jsonFile = childText(element, 'JsonFileName');
    if (!jsonFile)
        return;
    const key = jsonFile.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
    const id = attr(element, 'WorkflowId')?.replace(/[{}]/g, '').toLowerCase();
    const metadata = {
        name: attr(element, 'Name') ?? (0,external_node_path_.basename)(jsonFile).replace(/\.json$/i, ''),
        where,
    };
    if (id)
        metadata.id = id;
    const category = childText(element, 'Category');
    if (category !== undefined)
        metadata.category = category;
    into.set(key, metadata);
}
/**
 * Every cloud flow under `Workflows/`, with the metadata found in customizations.xml (`metadata`)
 * completed from the unpacked `.json.data.xml` files.
 */
async function readFlows(files, metadata) {
    const workflowFiles = await files.list('Workflows', 1);
    for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json.data.xml'))) {
        const where = files.where(path);
        for (const element of asArray(child(parseXml(readText(files, path), where, WORKFLOW_CHILDREN), 'Workflow'))) {
            addWorkflowMetadata(element, where, metadata);
        }
    }
    // Every Workflows/*.json except classic workflows, business rules and BPFs (their metadata
    // Category is not 5; they are XAML and have no JSON anyway).
    const flows = [];
    // One at a time, so only one flow's bytes are alive at once.
    for (const path of workflowFiles.filter((p) => p.toLowerCase().endsWith('.json'))) {
        const meta = metadata.get(path.toLowerCase());
        if (meta?.category !== undefined && meta.category !== '5')
            continue;
        const where = files.where(path);
        let connections;
        try {
            connections = readFlowConnections(files.read(path));
        }
        catch (error) {
            if (!(error instanceof FlowContentError))
                throw error;
            throw new SolutionContentError(`${where} ${error.message}`, where);
        }
        flows.push({
            name: meta?.name ?? (0,external_node_path_.basename)(path).replace(/\.json$/i, ''),
            ...(meta?.id ? { id: meta.id } : {}),
            file: path,
            location: { file: where },
            connections,
        });
    }
    return flows;
}

;// CONCATENATED MODULE: ./src/core/solution/customizations.ts





/** The children of `<ImportExportXml>` the reader uses. */
const SECTIONS = new Set([
    'connectionreferences',
    'Workflows',
    'CanvasApps',
    'Connectors',
]);
function readCustomizations(xml, where) {
    const into = {
        connectionReferences: new Map(),
        flowMetadata: new Map(),
        canvasApps: new Map(),
        customConnectors: new Map(),
    };
    const root = child(parseXml(xml, where, WORKFLOW_CHILDREN, SECTIONS), 'ImportExportXml');
    if (root === undefined) {
        throw new SolutionContentError(`${where} has no <ImportExportXml> root element: not a customizations.xml; re-export the solution`, where);
    }
    const section = (name, element) => asArray(child(child(root, name), element));
    for (const element of section('connectionreferences', 'connectionreference')) {
        const reference = connectionReferenceFrom(element, elementLocation(element, where));
        const key = reference?.logicalName.toLowerCase();
        if (reference && !into.connectionReferences.has(key)) {
            into.connectionReferences.set(key, reference);
        }
    }
    for (const element of section('Workflows', 'Workflow')) {
        addWorkflowMetadata(element, where, into.flowMetadata);
    }
    for (const element of section('CanvasApps', 'CanvasApp')) {
        const app = canvasAppFrom(element, elementLocation(element, where));
        if (app)
            into.canvasApps.set(app.name.toLowerCase(), app);
    }
    for (const element of section('Connectors', 'Connector')) {
        const connector = customConnectorFrom(element, elementLocation(element, where));
        if (connector)
            into.customConnectors.set(connector.name.toLowerCase(), connector);
    }
    return into;
}

;// CONCATENATED MODULE: ./src/core/solution/environment-variables.ts


const ENVIRONMENT_VARIABLE_TYPES = {
    '100000000': 'String',
    '100000001': 'Number',
    '100000002': 'Boolean',
    '100000003': 'JSON',
    '100000004': 'DataSource',
    '100000005': 'Secret',
};
function typeOf(code) {
    return (code && ENVIRONMENT_VARIABLE_TYPES[code.trim()]) || 'Unknown';
}
/** `environmentvariablevalues.json`: `{"environmentvariablevalues":{"environmentvariablevalue": {…} | [{…}]}}`. */
function currentValueOf(json) {
    const values = child(child(json, 'environmentvariablevalues'), 'environmentvariablevalue');
    for (const value of asArray(values)) {
        const text = child(value, 'value');
        if (typeof text === 'string')
            return text;
    }
    return undefined;
}
async function readEnvironmentVariables(files) {
    const variables = new Map();
    // 2021+: environmentvariabledefinitions/<schema>/environmentvariabledefinition.xml (+ values json)
    const modern = await files.list('environmentvariabledefinitions', 2);
    const modernByLowerName = new Map(modern.map((p) => [p.toLowerCase(), p]));
    for (const path of modern.filter((p) => p.toLowerCase().endsWith('/environmentvariabledefinition.xml'))) {
        const where = files.where(path);
        const root = parseXml(readText(files, path), where);
        for (const definition of asArray(child(root, 'environmentvariabledefinition'))) {
            const schemaName = attr(definition, 'schemaname') ?? childText(definition, 'schemaname');
            if (!schemaName)
                continue;
            const typeCode = childText(definition, 'type');
            const defaultValue = childText(definition, 'defaultvalue');
            const displayName = attr(child(definition, 'displayname'), 'default');
            const variable = {
                schemaName,
                type: typeOf(typeCode),
                location: { file: where },
                ...(typeCode ? { typeCode } : {}),
                ...(defaultValue !== undefined && defaultValue !== '' ? { defaultValue } : {}),
                ...(displayName ? { displayName } : {}),
            };
            const valuesPath = `${path.slice(0, path.lastIndexOf('/'))}/environmentvariablevalues.json`;
            const actualValuesPath = modernByLowerName.get(valuesPath.toLowerCase());
            if (actualValuesPath) {
                const current = currentValueOf(parseJson(readText(files, actualValuesPath), files.where(actualValuesPath)));
                if (current !== undefined && current !== '')
                    variable.currentValue = current;
            }
            variables.set(schemaName.toLowerCase(), variable);
        }
    }
    // 2020 SolutionPackager 9.1: EnvironmentVariables/<schema>.xml + environment_variable_values.json
    const legacy = await files.list('EnvironmentVariables', 1);
    const legacyValues = new Map();
    const valuesFile = legacy.find((p) => p.toLowerCase().endsWith('/environment_variable_values.json'));
    if (valuesFile) {
        const json = parseJson(readText(files, valuesFile), files.where(valuesFile));
        for (const value of asArray(child(json, 'EnvironmentVariableValues'))) {
            const schemaName = child(value, 'EnvironmentVariableDefinition.SchemaName');
            const text = child(value, 'Value');
            if (typeof schemaName === 'string' && typeof text === 'string' && text !== '') {
                legacyValues.set(schemaName.toLowerCase(), text);
            }
        }
    }
    for (const path of legacy.filter((p) => p.toLowerCase().endsWith('.xml'))) {
        const where = files.where(path);
        const definition = child(parseXml(readText(files, path), where), 'Definition');
        const schemaName = childText(definition, 'SchemaName');
        if (!schemaName || variables.has(schemaName.toLowerCase()))
            continue;
        const typeCode = childText(definition, 'Type');
        const defaultValue = childText(definition, 'DefaultValue');
        const localized = asArray(child(child(child(definition, 'DisplayName'), 'LocalizedNames'), 'LocalizedName'));
        const displayName = attr(localized[0], 'description');
        const currentValue = legacyValues.get(schemaName.toLowerCase());
        variables.set(schemaName.toLowerCase(), {
            schemaName,
            type: typeOf(typeCode),
            location: { file: where },
            ...(typeCode ? { typeCode } : {}),
            ...(defaultValue ? { defaultValue } : {}),
            ...(currentValue ? { currentValue } : {}),
            ...(displayName ? { displayName } : {}),
        });
    }
    return [...variables.values()].sort((a, b) => (0,core_text/* compareText */.n6)(a.schemaName, b.schemaName));
}

;// CONCATENATED MODULE: ./src/core/solution/folder-files.ts
// A solution as a folder: unpacked (pac solution unpack / SolutionPackager) or an extracted zip.



/**
 * An unpacked or extracted solution on disk. Symbolic links are never followed and only regular
 * files are read: a pull request controls this tree, and a link or FIFO must not leak or hang.
 */
class FolderSolutionFiles {
    root;
    reportRoot;
    limits;
    listings = new Map();
    /** Reused for every file that fits (see SolutionFiles.read). */
    scratch = Buffer.allocUnsafe(256 * 1024);
    /** Bytes read (or being read) so far, against limits.maxTotalBytes. */
    totalRead = 0;
    constructor(root, 
    /** The root as reported (relative to the working directory). */
    reportRoot, limits) {
        this.root = root;
        this.reportRoot = reportRoot;
        this.limits = limits;
    }
    /**
     * Children of a folder keyed by lower-case name; symlinks and special files are left out.
     * Synchronous like read: an unpacked solution has a folder per environment variable, and a
     * thread-pool round trip each cost more than the listing.
     */
    children(folder) {
        let listing = this.listings.get(folder);
        if (!listing) {
            listing = new Map();
            try {
                for (const entry of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(this.root, folder), { withFileTypes: true })) {
                    const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : undefined;
                    if (kind && !listing.has(entry.name.toLowerCase())) {
                        listing.set(entry.name.toLowerCase(), { name: entry.name, kind });
                    }
                }
            }
            catch {
                // An unreadable or missing folder simply has no files.
            }
            this.listings.set(folder, listing);
        }
        return listing;
    }
    /** Resolves a relative path case-insensitively, segment by segment. */
    resolveCase(path, kind) {
        const segments = path.split('/').filter((s) => s !== '');
        let current = '';
        for (let i = 0; i < segments.length; i++) {
            const child = this.children(current).get(segments[i].toLowerCase());
            const wanted = i === segments.length - 1 ? kind : 'dir';
            if (!child || child.kind !== wanted)
                return undefined;
            current = current === '' ? child.name : `${current}/${child.name}`;
        }
        return current;
    }
    async list(folder, depth) {
        const start = folder === '' ? '' : this.resolveCase(folder, 'dir');
        if (start === undefined)
            return [];
        const result = [];
        const walk = (dir, level) => {
            for (const child of this.children(dir).values()) {
                const path = dir === '' ? child.name : `${dir}/${child.name}`;
                if (child.kind === 'file')
                    result.push(path);
                else if (level < depth)
                    walk(path, level + 1);
            }
        };
        walk(start, 1);
        return result.sort();
    }
    async find(path) {
        return this.resolveCase(path, 'file');
    }
    read(path) {
        const absolute = (0,external_node_path_.join)(this.root, path);
        const where = this.where(path);
        // Synchronous: thousands of small files read one after another beat a thread-pool round trip
        // per call, and only one file's bytes are alive at a time.
        // O_NOFOLLOW and O_NONBLOCK: a link is refused and a FIFO cannot block; fstat (for files
        // larger than the scratch buffer) then sees exactly the file that was opened.
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(absolute, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
        }
        catch (error) {
            const code = error.code;
            throw new SolutionFileError(code === 'ENOENT'
                ? `${path} is missing`
                : code === 'ELOOP'
                    ? `${path} is not a regular file`
                    : `${path} cannot be opened (check its permissions)`, where);
        }
        const refuse = (message) => {
            (0,external_node_fs_.closeSync)(fd);
            throw new SolutionFileError(message, where);
        };
        const count = (size) => {
            if (size > this.limits.maxEntryBytes) {
                refuse(`${path} is ${size} bytes, over the ${this.limits.maxEntryBytes}-byte limit`);
            }
            if (this.totalRead + size > this.limits.maxTotalBytes) {
                refuse(`reading ${path} would pass the ${this.limits.maxTotalBytes}-byte total limit for one solution`);
            }
            this.totalRead += size;
        };
        // Most files fit the scratch buffer, and a read of a regular file that comes back short has
        // reached its end: one read, no fstat (4,000 files of an unpacked solution). Only files the
        // listing saw as regular are read, and O_NONBLOCK keeps anything swapped in since from
        // blocking.
        let first = 0;
        try {
            first = (0,external_node_fs_.readSync)(fd, this.scratch, 0, this.scratch.length, 0);
        }
        catch {
            refuse(`${path} cannot be read (check its permissions)`);
        }
        if (first < this.scratch.length) {
            count(first);
            (0,external_node_fs_.closeSync)(fd);
            return this.scratch.subarray(0, first);
        }
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            refuse(`${path} is not a regular file`);
        count(stats.size);
        try {
            // Exactly the size fstat saw: a file that grows meanwhile cannot pass the limits.
            const buffer = Buffer.allocUnsafe(stats.size);
            let filled = 0;
            while (filled < buffer.length) {
                const bytesRead = (0,external_node_fs_.readSync)(fd, buffer, filled, buffer.length - filled, filled);
                if (bytesRead === 0)
                    break;
                filled += bytesRead;
            }
            return filled === buffer.length ? buffer : buffer.subarray(0, filled);
        }
        catch {
            throw new SolutionFileError(`${path} cannot be read (check its permissions)`, where);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    where(path) {
        return this.reportRoot === '.' ? path : `${this.reportRoot}/${path}`;
    }
    async close() { }
}

;// CONCATENATED MODULE: ./src/core/solution/manifest.ts

/** What readManifest uses of solution.xml: not the (large) RootComponents list. */
const MANIFEST_CHILDREN = new Map([
    ['SolutionManifest', new Set(['UniqueName', 'Version', 'Managed', 'MissingDependencies'])],
]);
function readManifest(xml, where) {
    const root = parseXml(xml, where, MANIFEST_CHILDREN);
    const manifest = child(childCI(root, 'ImportExportXml'), 'SolutionManifest');
    if (!isObject(manifest)) {
        throw new SolutionContentError(`${where} has no <SolutionManifest>: not a solution.xml; re-export the solution`, where);
    }
    const managedCode = childText(manifest, 'Managed');
    const managed = managedCode === '1' ? 'managed' : managedCode === '2' ? 'both' : 'unmanaged';
    const missingDependencies = [];
    for (const dependency of asArray(child(child(manifest, 'MissingDependencies'), 'MissingDependency'))) {
        const required = child(dependency, 'Required');
        const type = attr(required, 'type') ?? '';
        const displayName = attr(required, 'displayName');
        const referenceName = attr(required, 'id.connectionreferencelogicalname');
        if (type.toLowerCase() === 'connectionreference' || referenceName) {
            const name = referenceName ?? displayName;
            if (name)
                missingDependencies.push({
                    kind: 'connectionreference',
                    name,
                    ...(displayName ? { displayName } : {}),
                });
        }
        else if (type.toLowerCase() === 'environmentvariabledefinition' || type === '380') {
            const name = attr(required, 'id.schemaname') ?? attr(required, 'schemaName') ?? displayName;
            if (name)
                missingDependencies.push({
                    kind: 'environmentvariable',
                    name,
                    ...(displayName ? { displayName } : {}),
                });
        }
        else {
            const name = attr(required, 'schemaName') ?? attr(required, 'id') ?? displayName ?? type;
            missingDependencies.push({ kind: 'other', name, ...(displayName ? { displayName } : {}) });
        }
    }
    return {
        uniqueName: childText(manifest, 'UniqueName') ?? '',
        version: childText(manifest, 'Version') ?? '',
        managed,
        missingDependencies,
    };
}

;// CONCATENATED MODULE: ./src/core/solution/zip-files.ts


class ZipSolutionFiles {
    archive;
    reportPath;
    /** Entry names in lower case, once: the reader lists five folders of thousands of entries. */
    lowerNames;
    constructor(archive, reportPath) {
        this.archive = archive;
        this.reportPath = reportPath;
    }
    static async open(absPath, reportPath, limits) {
        return new ZipSolutionFiles(await ZipArchive.open(absPath, limits), reportPath);
    }
    async list(folder, depth) {
        const prefix = folder === '' ? '' : `${folder.toLowerCase()}/`;
        const result = [];
        const lowerNames = (this.lowerNames ??= this.archive.entries.map((e) => e.name.toLowerCase()));
        this.archive.entries.forEach((entry, index) => {
            const lower = lowerNames[index];
            if (!lower.startsWith(prefix) || lower.endsWith('/'))
                return;
            // At most `depth` segments below the folder: count the slashes, no array per entry.
            let slashes = 0;
            for (let at = lower.indexOf('/', prefix.length); at !== -1; at = lower.indexOf('/', at + 1)) {
                if (++slashes >= depth)
                    return;
            }
            result.push(entry.name);
        });
        return result;
    }
    async find(path) {
        return this.archive.find(path)?.name;
    }
    read(path) {
        const entry = this.archive.find(path);
        if (!entry)
            throw new SolutionFileError(`${path} is missing`, this.where(path));
        try {
            return this.archive.read(entry);
        }
        catch (error) {
            if (error instanceof ZipFormatError)
                throw new SolutionFileError(error.message, this.where(path));
            throw error;
        }
    }
    where(path) {
        return `${this.reportPath}!/${path}`;
    }
    async close() {
        await this.archive.close();
    }
    /** All entry names, for layout sniffing (legacy packages). */
    entryNames() {
        return this.archive.entries.map((e) => e.name);
    }
}

;// CONCATENATED MODULE: ./src/core/solution/reader.ts
// Reads one solution's facts (SPEC section 1): where each part is read is its own module
// (connection references, flows, canvas apps, connectors, environment variables, agents); this
// module ties them together over either physical form (zip-files.ts, folder-files.ts).














const LEGACY_PACKAGE_REASON = 'is a legacy export package (manifest.json with Microsoft.Flow/ or Microsoft.PowerApps/), not a Dataverse solution: export it from Solutions in Power Apps instead';
async function isLegacyPackage(files) {
    if (!(await files.find('manifest.json')))
        return false;
    for (const folder of ['Microsoft.Flow', 'Microsoft.PowerApps']) {
        if ((await files.list(folder, 4)).length > 0)
            return true;
    }
    return false;
}
async function readFacts(files, target) {
    const solutionXml = (await files.find('Other/Solution.xml')) ?? (await files.find('solution.xml'));
    if (!solutionXml) {
        if (await isLegacyPackage(files))
            throw new SolutionFileError(`${target.reportPath} ${LEGACY_PACKAGE_REASON}`, target.reportPath);
        throw new SolutionFileError(`${target.reportPath} holds no solution.xml or Other/Solution.xml: point at an exported solution zip or an unpacked solution folder`, target.reportPath);
    }
    const layout = target.kind === 'zip'
        ? 'zip'
        : solutionXml.toLowerCase().startsWith('other/')
            ? 'unpacked'
            : 'extracted';
    const manifest = readManifest(readText(files, solutionXml), files.where(solutionXml));
    const customizationsXml = layout === 'unpacked'
        ? await files.find('Other/Customizations.xml')
        : await files.find('customizations.xml');
    if (!customizationsXml) {
        throw new SolutionFileError(`${target.reportPath} has no ${layout === 'unpacked' ? 'Other/Customizations.xml' : 'customizations.xml'}: re-export or re-unpack the solution`, target.reportPath);
    }
    const parts = readCustomizations(readText(files, customizationsXml), files.where(customizationsXml));
    // Unpacked: one metadata file per flow, app and connector instead of customizations.xml sections.
    await readCanvasAppFiles(files, parts.canvasApps);
    await readConnectorFiles(files, parts.customConnectors);
    const flows = await readFlows(files, parts.flowMetadata);
    const connectionReferences = markCustomReferences([...parts.connectionReferences.values()], parts.customConnectors.values());
    return {
        path: target.reportPath,
        layout,
        uniqueName: manifest.uniqueName || (0,external_node_path_.basename)(target.absPath),
        version: manifest.version,
        managed: manifest.managed,
        connectionReferences: connectionReferences.sort((a, b) => (0,core_text/* compareText */.n6)(a.logicalName, b.logicalName)),
        flows: flows.sort((a, b) => (0,core_text/* compareText */.n6)(a.file, b.file)),
        canvasApps: [...parts.canvasApps.values()].sort((a, b) => (0,core_text/* compareText */.n6)(a.name, b.name)),
        customConnectors: [...parts.customConnectors.values()].sort((a, b) => (0,core_text/* compareText */.n6)(a.name, b.name)),
        environmentVariables: await readEnvironmentVariables(files),
        missingDependencies: manifest.missingDependencies,
        agents: await readAgents(files),
    };
}
/** Reads one solution's facts. Never throws for bad content: returns `ok: false` (SL001). */
async function readSolution(target, limits) {
    if (target.refused) {
        return {
            ok: false,
            unreadable: {
                path: (0,core_text/* escapeControlCharacters */.F7)(target.reportPath),
                reason: (0,core_text/* oneLine */.TN)(`${target.reportPath} ${target.refused}`),
                location: { file: (0,core_text/* escapeControlCharacters */.F7)(target.reportPath) },
            },
        };
    }
    let files;
    try {
        files =
            target.kind === 'zip'
                ? await ZipSolutionFiles.open(target.absPath, target.reportPath, limits)
                : new FolderSolutionFiles(target.absPath, target.reportPath, limits);
        return { ok: true, solution: withoutControlCharacters(await readFacts(files, target)) };
    }
    catch (error) {
        return { ok: false, unreadable: toUnreadable(error, target) };
    }
    finally {
        await files?.close().catch(() => undefined);
    }
}
/**
 * Escapes control characters in every string of freshly read facts, in place: a line break in a
 * name from a pull request must not become a workflow command in a CI log. Real facts hardly ever
 * hold one, and one native JSON.stringify tells (it writes C0 controls as escapes and leaves
 * U+007F-U+009F, U+2028 and U+2029 as they are) far faster than walking every object.
 */
function withoutControlCharacters(facts) {
    return /\\[bfnrtu]|[\u007f-\u009f\u2028\u2029]/.test(JSON.stringify(facts))
        ? escapeStrings(facts)
        : facts;
}
function escapeStrings(value) {
    if (typeof value === 'string')
        return (0,core_text/* escapeControlCharacters */.F7)(value);
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            value[i] = escapeStrings(value[i]);
    }
    else if (typeof value === 'object' && value !== null) {
        const record = value;
        for (const key of Object.keys(record))
            record[key] = escapeStrings(record[key]);
    }
    return value;
}
function toUnreadable(error, target) {
    const unreadable = describeUnreadable(error, target);
    return {
        path: (0,core_text/* escapeControlCharacters */.F7)(unreadable.path),
        reason: (0,core_text/* oneLine */.TN)(unreadable.reason),
        location: { ...unreadable.location, file: (0,core_text/* escapeControlCharacters */.F7)(unreadable.location.file) },
    };
}
function describeUnreadable(error, target) {
    if (error instanceof SolutionFileError) {
        const reason = error.message.startsWith(target.reportPath) || error.message.startsWith(error.file)
            ? error.message
            : `${error.file}: ${error.message}`;
        return { path: target.reportPath, reason, location: { file: error.file } };
    }
    if (error instanceof ZipFormatError) {
        // Exporting again helps a damaged zip, not a file that never was one.
        return {
            path: target.reportPath,
            reason: error.notAZip
                ? `${target.reportPath} is not a solution: ${error.message}; give an exported solution .zip, an unpacked solution folder, or a folder holding them`
                : `${target.reportPath}: ${error.message}; export the solution again as a .zip`,
            location: { file: target.reportPath },
        };
    }
    const code = error.code;
    const reason = code === 'ENOENT'
        ? `${target.reportPath} does not exist`
        : code === 'EACCES' || code === 'EPERM'
            ? `${target.reportPath} cannot be read (check its permissions)`
            : code === 'EISDIR'
                ? `${target.reportPath} is a folder, not a zip`
                : `${target.reportPath} cannot be read: ${error?.message ?? String(error)}`;
    return { path: target.reportPath, reason, location: { file: target.reportPath } };
}

;// CONCATENATED MODULE: ./src/core/engine.ts
// Runs the rules over every (solution, settings file) pair, and the rules about a settings file as a
// whole once per file, and builds the report of SPEC section 5.
















const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
/**
 * Shorter secrets are not redacted: masking `true`, `no` or `5000` everywhere would mangle ordinary
 * text and break JSON and SARIF structure (`"bound": ***`). The rules never print a substituted
 * value in the first place; this is the last line of defence for the long ones (connection ids).
 */
const MIN_REDACTED_SECRET_LENGTH = 6;
/** Replaces every occurrence of a secret with `***`, longest secret first. */
function redactSecrets(text, secrets) {
    let result = text;
    const ordered = [...new Set(secrets)]
        .filter((s) => s.length >= MIN_REDACTED_SECRET_LENGTH)
        .sort((a, b) => b.length - a.length);
    for (const secret of ordered)
        result = result.split(secret).join('***');
    return result;
}
/** Upper-cases ids and rejects unknown ones, for overrides that did not come through parseRuleOverrides. */
function normalizeOverrides(overrides) {
    const normalized = new Map();
    for (const [id, severity] of Object.entries(overrides ?? {})) {
        const rule = (0,rules/* findRule */.Il)(id);
        if (rule === undefined)
            throw new errors/* UsageError */.e(`unknown rule id "${id}" in rule overrides`);
        if (!['error', 'warning', 'note', 'off'].includes(severity)) {
            throw new errors/* UsageError */.e(`bad severity "${String(severity)}" for rule ${rule.meta.id}; use error, warning, note or off`);
        }
        normalized.set(rule.meta.id, severity);
    }
    return normalized;
}
function compareText(a, b) {
    const x = a ?? '';
    const y = b ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
}
function compareLocation(a, b) {
    if (a === undefined || b === undefined)
        return a === b ? 0 : a === undefined ? -1 : 1;
    return (compareText(a.file, b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0));
}
/** Severity, then solution, rule, subject, location; the rest only makes the order total. */
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareText(a.solution, b.solution) ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.subject, b.subject) ||
        compareLocation(a.location, b.location) ||
        compareText(a.settings, b.settings) ||
        compareText(a.solutionPath, b.solutionPath) ||
        compareText(a.message, b.message));
}
function summarize(findings) {
    const summary = { errors: 0, warnings: 0, notes: 0 };
    for (const finding of findings) {
        if (finding.severity === 'error')
            summary.errors++;
        else if (finding.severity === 'warning')
            summary.warnings++;
        else
            summary.notes++;
    }
    return summary;
}
/** True when the summary holds a finding at or above `failOn`. */
function isFailing(summary, failOn) {
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return summary.errors + summary.warnings > 0;
    return summary.errors > 0;
}
/** The exit code of a check (SPEC section 3): 1 when failing, else 0. */
function exitCodeFor(summary, failOn) {
    return isFailing(summary, failOn) ? 1 : 0;
}
/**
 * The rules over already-read solutions and settings, every solution against every settings file:
 * what `check` does after reading, exposed so it can be tested without files. Settings files order
 * does not matter; the report is sorted.
 */
function checkSolutions(results, settingsList, overrides = {}, secrets = [], placeholders = 'resolve') {
    return checkPairs(results.map((result) => ({ result, settings: settingsList })), { overrides, secrets, placeholders });
}
/** The rules over solutions each paired with its own settings files (SPEC sections 2 and 5). */
function checkPairs(pairs, options = {}) {
    const severityOf = normalizeOverrides(options.overrides);
    const secrets = options.secrets ?? [];
    const placeholders = options.placeholders ?? 'resolve';
    const settingsPaths = [...new Set(pairs.flatMap((pair) => pair.settings.map((s) => s.path)))];
    const tagSettings = settingsPaths.length > 1;
    const findings = [];
    const add = (ruleId, severity, solution, report, settingsPath, solutionPath) => {
        const override = severityOf.get(ruleId);
        if (override === 'off')
            return;
        const finding = {
            ruleId,
            severity: override ?? severity,
            message: redactSecrets(report.message, secrets),
            solution,
            subject: report.subject,
        };
        if (report.location)
            finding.location = { ...report.location };
        if (tagSettings && settingsPath)
            finding.settings = settingsPath;
        if (solutionPath !== undefined)
            finding.solutionPath = solutionPath;
        findings.push(finding);
    };
    // A settings file is unusable whatever it is paired with, so DS001 goes with every solution it
    // is paired with, readable or not: each pair's findings are then complete on their own.
    const reportUnusable = (solutionName, pair, solutionPath) => {
        for (const settings of pair.settings) {
            if (!isUnusableSettings(settings))
                continue;
            const report = {
                subject: (0,external_node_path_.basename)(settings.path),
                message: settings.reason,
                location: settings.location,
            };
            add('DS001', 'error', solutionName, report, settings.path, solutionPath);
        }
    };
    const solutions = [];
    // Per usable settings file, the solutions checked against it: stale entries are judged once
    // per file against all of them (SPEC section 2, "Several solutions, one settings file").
    const bySettings = new Map();
    for (const pair of pairs) {
        const { result } = pair;
        if (!result.ok) {
            const { unreadable } = result;
            add('SL001', 'error', unreadable.path, {
                subject: (0,external_node_path_.basename)(unreadable.path),
                message: unreadable.reason,
                location: unreadable.location,
            });
            reportUnusable(unreadable.path, pair);
            continue;
        }
        const { solution } = result;
        const facts = {
            ...reportSolution(solution, pair.settings),
            settings: [...new Set(pair.settings.map((s) => s.path))].sort(compareText),
        };
        solutions.push(facts);
        reportUnusable(solution.uniqueName, pair, solution.path);
        const checked = pair.settings.length === 0 ? [(0,core_settings/* emptySettings */.bi)()] : pair.settings;
        const targets = [];
        for (const settings of checked) {
            const usable = isUnusableSettings(settings) ? null : settings;
            const target = options.online?.factsFor(solution, usable);
            if (target)
                targets.push({ settings: usable, facts: target });
            if (usable && usable.path !== '') {
                const entry = bySettings.get(usable.path) ?? { settings: usable, solutions: [] };
                if (!entry.solutions.includes(solution))
                    entry.solutions.push(solution);
                bySettings.set(usable.path, entry);
            }
            for (const rule of rules/* allRules */.V7) {
                if (rule.checkSettingsFile !== undefined)
                    continue;
                if (usable === null && rule.meta.needsSettings)
                    continue;
                rule.check({
                    solution,
                    settings: usable,
                    placeholders,
                    ...(target && { target }),
                    report: (report) => add(rule.meta.id, report.severity ?? rule.meta.defaultSeverity, solution.uniqueName, report, settings.path, solution.path),
                });
            }
        }
        if (options.online)
            attachTargetFacts(facts, solution, targets);
    }
    for (const [path, { settings, solutions: checkedWith }] of bySettings) {
        // One solution: its finding, as ever. Several: the file's own, named by its path.
        const owner = checkedWith.length === 1 ? checkedWith[0].uniqueName : path;
        const ownerPath = checkedWith.length === 1 ? checkedWith[0].path : undefined;
        for (const rule of rules/* allRules */.V7) {
            rule.checkSettingsFile?.({
                settings,
                solutions: checkedWith,
                report: (report) => add(rule.meta.id, report.severity ?? rule.meta.defaultSeverity, owner, report, path, ownerPath),
            });
        }
    }
    findings.sort(compareFindings);
    solutions.sort((a, b) => compareText(a.path, b.path) || compareText(a.uniqueName, b.uniqueName));
    const report = {
        tool: { name: version/* TOOL_NAME */.lH, version: version/* VERSION */.xv },
        solutions,
        findings,
        summary: summarize(findings),
    };
    if (tagSettings)
        report.settingsFiles = [...settingsPaths].sort(compareText);
    if (placeholders === 'defer')
        report.deferredVariables = deferredVariables(pairs);
    return report;
}
/**
 * Every variable that the placeholders left in the values of defined references and variables
 * ask for (the entries CR002 looks at), once, with the files that hold it. A value that came
 * partly from a substitution is secret: its placeholders are not listed.
 */
function deferredVariables(pairs) {
    const found = new Map();
    const note = (value, secret, path) => {
        if (value === null || secret || (0,core_settings/* findPlaceholder */.$e)(value) === undefined)
            return;
        for (const name of (0,cr002_unresolved_placeholder/* placeholderVariables */.b2)(value)) {
            const files = found.get(name) ?? new Set();
            files.add(path);
            found.set(name, files);
        }
    };
    for (const { result, settings: list } of pairs) {
        if (!result.ok)
            continue;
        const references = (0,helpers/* definedReferenceNames */.bv)(result.solution);
        const variables = (0,helpers/* definedVariableNames */.w)(result.solution);
        for (const settings of list) {
            if (isUnusableSettings(settings))
                continue;
            for (const entry of settings.connectionReferences) {
                if (references.has((0,helpers/* nameKey */.Rc)(entry.logicalName))) {
                    note(entry.connectionId, entry.secret, settings.path);
                }
            }
            for (const entry of settings.environmentVariables) {
                if (variables.has((0,helpers/* nameKey */.Rc)(entry.schemaName)))
                    note(entry.value, entry.secret, settings.path);
            }
        }
    }
    return [...found]
        .sort(([a], [b]) => compareText(a, b))
        .map(([name, files]) => ({
        name,
        environmentName: (0,cr002_unresolved_placeholder/* environmentName */.VE)(name),
        settings: [...files].sort(compareText),
    }));
}
/**
 * One solution after another: reading is synchronous underneath (a thread-pool round trip per
 * small file cost more than the read), so reading several at once would only interleave them and
 * keep more of them in memory. A worker thread was measured too, and lost on two cores
 * (docs/performance.md).
 */
async function readAll(targets, limits) {
    const results = [];
    for (const target of targets)
        results.push(await readSolution(target, limits));
    return results;
}
/**
 * Checks solutions against settings files (SPEC sections 1 to 5). Throws UsageError for bad
 * options and paths that do not exist; bad content becomes SL001 and DS001 findings.
 */
async function check(options) {
    const cwd = options.cwd ?? process.cwd();
    const env = options.env ?? {};
    // Validate overrides before any reading, so a typo fails fast.
    normalizeOverrides(options.rules);
    const placeholders = options.placeholders ?? 'resolve';
    if (placeholders !== 'resolve' && placeholders !== 'defer') {
        throw new errors/* UsageError */.e(`bad placeholders mode "${String(placeholders)}": use resolve or defer`);
    }
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    // Bad endpoints fail as fast as bad overrides.
    const endpoints = options.online ? (0,online_options/* prepareOnline */.Ps)(options.online) : undefined;
    const targets = await findSolutions(options.solutions, cwd);
    const { perTarget } = await pairSettings(targets, options, cwd);
    // Each file is read once, however many solutions it goes with.
    const parsed = new Map();
    const secrets = new Set();
    for (const absPath of [...new Set(perTarget.flat())].sort()) {
        const result = await (0,core_settings/* readSettingsFile */.ur)(absPath, toReportPath(absPath, cwd), env);
        if ('unusable' in result) {
            parsed.set(absPath, result.unusable);
        }
        else {
            parsed.set(absPath, result.settings);
            for (const secret of result.secrets)
                secrets.add(secret);
        }
    }
    const results = await readAll(targets, limits);
    const pairs = results.map((result, index) => ({
        result,
        settings: perTarget[index].map((path) => parsed.get(path)),
    }));
    // After every offline read, so that a bad path fails before any sign-in. Loaded only here: an
    // offline run never loads the HTTP client or @azure/identity.
    const stage = endpoints
        ? await (await Promise.all(/* import() */[__nccwpck_require__.e(786), __nccwpck_require__.e(93)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3093))).runOnlineStage(pairs.flatMap(({ result, settings }) => result.ok
            ? [
                {
                    solution: result.solution,
                    settings: settings.map((s) => (isUnusableSettings(s) ? null : s)),
                },
            ]
            : []), options.online, endpoints)
        : undefined;
    for (const secret of stage?.secrets ?? [])
        secrets.add(secret);
    const secretList = [...secrets];
    const report = checkPairs(pairs, {
        overrides: options.rules,
        secrets: secretList,
        placeholders,
        ...(stage && { online: stage }),
    });
    const settingsList = [...parsed.values()];
    return {
        report,
        secrets: secretList,
        ...(stage && { online: stage.summary }),
        settingsFiles: settingsList.filter((s) => !isUnusableSettings(s)),
        solutionPaths: targets.map((target) => target.reportPath),
        settingsPaths: settingsList.map((settings) => settings.path),
    };
}

;// CONCATENATED MODULE: ./src/core/format/init.ts



const KINDS = [
    ['connection reference', 'connectionReferences'],
    ['environment variable', 'environmentVariables'],
];
const KIND_WIDTH = 'environment variable'.length;
function count(names) {
    return names.connectionReferences.length + names.environmentVariables.length;
}
/** True when `init --check` fails for this result: a file would change or cannot be read. */
function initOutOfStep(result) {
    return result.files.some((file) => file.status !== 'unchanged');
}
function solutionText(result) {
    const { solution } = result;
    return `${(0,core_text/* oneLine */.TN)(solution.uniqueName)} ${(0,core_text/* oneLine */.TN)(solution.version)} (${(0,core_text/* oneLine */.TN)(solution.path)})`;
}
function fileLines(file, checkOnly) {
    const lines = [];
    const verbs = checkOnly
        ? { added: 'would add', kept: 'kept', removed: 'would remove' }
        : { added: 'added', kept: 'kept', removed: 'removed' };
    const width = Math.max(...Object.values(verbs).map((verb) => verb.length));
    // A drift check lists only the changes; a write lists everything, so the log shows the result.
    const actions = checkOnly ? ['added', 'removed'] : ['added', 'removed', 'kept'];
    for (const action of actions) {
        for (const [kind, key] of KINDS) {
            for (const name of file[action][key]) {
                lines.push(`  ${verbs[action].padEnd(width)}  ${kind.padEnd(KIND_WIDTH)}  ${(0,core_text/* oneLine */.TN)(name)}`);
            }
        }
    }
    const added = count(file.added);
    const kept = count(file.kept);
    const removed = count(file.removed);
    if (checkOnly) {
        lines.push(`  ${added} to add, ${removed} to remove, ${kept} kept: run ${version/* TOOL_NAME */.lH} init without --check to apply`);
    }
    else {
        lines.push(`  ${added} added, ${kept} kept, ${removed} removed`);
        const unbound = file.added.connectionReferences.length;
        if (unbound > 0) {
            lines.push(`  next: set ConnectionId of the ${(0,common/* plural */.LS)(unbound, 'added connection reference')} (a connection name, or a placeholder such as #{…}# filled by the pipeline); an environment variable left at null keeps the solution's default`);
        }
    }
    return lines;
}
/** The report of an init run, line by line, each to its stream. */
function formatInitText(result, checkOnly) {
    const out = [];
    const what = solutionText(result);
    for (const file of result.files) {
        const path = (0,core_text/* oneLine */.TN)(file.path);
        switch (file.status) {
            case 'unusable':
                out.push({
                    stream: 'stderr',
                    text: `${version/* TOOL_NAME */.lH}: ${(0,core_text/* oneLine */.TN)(file.reason ?? path)}; init does not overwrite a file it cannot read as deployment settings (fix or move it)`,
                    file: file.path,
                });
                break;
            case 'unchanged':
                out.push({
                    stream: 'stdout',
                    text: `${version/* TOOL_NAME */.lH}: ${path} is up to date with ${what}: ${(0,common/* plural */.LS)(file.kept.connectionReferences.length, 'connection reference')}, ${(0,common/* plural */.LS)(file.kept.environmentVariables.length, 'environment variable')}`,
                    file: file.path,
                });
                break;
            default:
                out.push({
                    stream: 'stdout',
                    text: checkOnly
                        ? `${version/* TOOL_NAME */.lH}: ${path} is out of step with ${what}: init would ${file.status === 'created' ? 'create it' : 'change it'}`
                        : `${version/* TOOL_NAME */.lH}: ${file.status} ${path} for ${what}`,
                    file: file.path,
                });
                for (const line of fileLines(file, checkOnly)) {
                    out.push({ stream: 'stdout', text: line, file: file.path });
                }
        }
    }
    return out;
}
function code(text) {
    return /^[^`|<>&\\\r\n]+$/.test(text) ? `\`${text}\`` : (0,common/* escapeCell */.kq)(text);
}
/** A job summary for `init --check`: per settings file, up to date or the changes init would make. */
function formatInitMarkdown(result) {
    const outOfStep = initOutOfStep(result);
    const { solution } = result;
    const lines = [
        outOfStep
            ? `## ❌ ${version/* TOOL_NAME */.lH}: the settings are out of step with the solution`
            : `## ✅ ${version/* TOOL_NAME */.lH}: the settings are in step with the solution`,
        '',
        `${(0,common/* escapeCell */.kq)(solution.uniqueName)} ${(0,common/* escapeCell */.kq)(solution.version)} (${code(solution.path)}), ${(0,common/* plural */.LS)(result.files.length, 'settings file')}.`,
        '',
    ];
    for (const file of result.files) {
        lines.push(`### ${code(file.path)}`, '');
        if (file.status === 'unusable') {
            lines.push(`❌ Not a usable settings file: ${(0,common/* escapeCell */.kq)(file.reason ?? '')}`, '');
            continue;
        }
        if (file.status === 'unchanged') {
            lines.push(`✅ Up to date: ${(0,common/* plural */.LS)(file.kept.connectionReferences.length, 'connection reference')}, ${(0,common/* plural */.LS)(file.kept.environmentVariables.length, 'environment variable')}.`, '');
            continue;
        }
        lines.push(file.status === 'created'
            ? '❌ The file does not exist: `init` would create it.'
            : '❌ `init` would change it:', '', '| Change | Kind | Name |', '| --- | --- | --- |');
        for (const [action, label] of [
            ['added', 'add'],
            ['removed', 'remove'],
        ]) {
            for (const [kind, key] of KINDS) {
                for (const name of file[action][key])
                    lines.push(`| ${label} | ${kind} | ${code(name)} |`);
            }
        }
        lines.push('', `Run \`${version/* TOOL_NAME */.lH} init --solution ${(0,core_text/* oneLine */.TN)(solution.path)} --settings ${(0,core_text/* oneLine */.TN)(file.path)}\` and commit the result; it keeps every value already in the file.`, '');
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./src/core/format/target.ts


const MAX_DETAIL = 160;
/** The markdown cell: found (its connector, status, owner) or what is wrong. */
function targetCell(target) {
    if (!target)
        return '—';
    const parts = [];
    const detail = target.detail ? (0,common/* escapeCell */.kq)((0,core_text/* oneLine */.TN)(target.detail, MAX_DETAIL)) : undefined;
    switch (target.connection) {
        case 'found':
            parts.push(target.status && target.status.toLowerCase() !== 'connected' ? '⚠️ found' : '✅ found');
            break;
        case 'missing':
            parts.push('❌ no such connection');
            break;
        case 'wrong-connector':
            parts.push('❌ another connector');
            break;
        case 'not-usable':
            parts.push('❌ not usable by the importer');
            break;
        case 'unchecked':
            parts.push('not checked');
            break;
    }
    if (target.connector)
        parts.push(`\`${target.connector.replace(/[`|\\]/g, '')}\``);
    if (target.status)
        parts.push((0,common/* escapeCell */.kq)(target.status));
    if (target.owner)
        parts.push(`owner ${(0,common/* escapeCell */.kq)(target.owner)}`);
    if (target.access &&
        target.access !== 'owner' &&
        target.access !== 'none' &&
        target.access !== 'group' &&
        target.access !== 'listed') {
        parts.push(`shared as ${(0,common/* escapeCell */.kq)(target.access)}`);
    }
    if (detail)
        parts.push(detail);
    return parts.join(', ');
}
/** `target: 3 found, 1 missing`, or undefined without online facts. */
function target_targetSummary(solution) {
    const counts = new Map();
    for (const reference of solution.connectionReferences) {
        if (!reference.target)
            continue;
        const state = reference.target.connection;
        counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    if (counts.size === 0)
        return undefined;
    const words = [
        ['found', 'found'],
        ['missing', 'missing'],
        ['wrong-connector', 'of another connector'],
        ['not-usable', 'not usable'],
        ['unchecked', 'not checked'],
    ];
    const parts = words
        .filter(([state]) => counts.has(state))
        .map(([state, word]) => `${counts.get(state)} ${word}`);
    return `connections in the target: ${parts.join(', ')} (of ${plural(solution.connectionReferences.length, 'reference')})`;
}

;// CONCATENATED MODULE: ./src/core/format/mermaid.ts


/** Past this many references (or users), the diagram is summarized by connector. */
const DIAGRAM_REFERENCE_LIMIT = 40;
const DIAGRAM_USER_LIMIT = 60;
/** At most this many connectors in the summarized form; the rest are one node. */
const DIAGRAM_CONNECTOR_LIMIT = 30;
const LABEL_LENGTH = 60;
const CLASS_DEFS = [
    'classDef unbound fill:#ffebe9,stroke:#cf222e,color:#1f2328',
    'classDef mismatch fill:#fff8c5,stroke:#9a6700,color:#1f2328',
    'classDef deferred fill:#ddf4ff,stroke:#0969da,stroke-dasharray:4 3,color:#1f2328',
    'classDef missing fill:#ffffff,stroke:#cf222e,stroke-dasharray:4 3,color:#1f2328',
];
/**
 * Text for a quoted Mermaid label. Names come from the solution (untrusted): every character that
 * could end the label, start markup, a comment or an entity, or break out of the Markdown code
 * fence is written as a Mermaid entity code (`#35;` for `#`), line breaks become spaces, and long
 * names are cut.
 */
function mermaidText(text, max = LABEL_LENGTH) {
    // eslint-disable-next-line no-control-regex -- control characters from a name become spaces
    let plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
    if ([...plain].length > max)
        plain = `${[...plain].slice(0, max - 1).join('')}…`;
    return plain.replace(/[#"'<>&`;%\\{}[\]()|]/g, (ch) => `#${ch.codePointAt(0)};`);
}
function node(id, label) {
    return `  ${id}["${label}"]`;
}
/** Lower-cased subjects of this solution's findings of one rule. */
function subjectsOf(findings, ruleId) {
    return new Set(findings.filter((f) => f.ruleId === ruleId).map((f) => f.subject.toLowerCase()));
}
function referenceStates(solution, findings, deferred) {
    const mismatched = subjectsOf(findings, 'CR003');
    const unbound = subjectsOf(findings, 'CR001');
    const placeholders = subjectsOf(findings, 'CR002');
    const states = new Map();
    for (const ref of solution.connectionReferences) {
        const key = ref.logicalName.toLowerCase();
        let state = 'ok';
        if (mismatched.has(key))
            state = 'mismatch';
        else if (!ref.bound) {
            state = deferred && placeholders.has(key) && !unbound.has(key) ? 'deferred' : 'unbound';
        }
        states.set(ref.logicalName, state);
    }
    return states;
}
const STATE_NOTE = {
    ok: '',
    unbound: ' · unbound',
    mismatch: ' · connector mismatch',
    deferred: ' · bound at deploy',
};
const AGENT_REFERENCE_API = /\.(shared_[^.]+)\./i;
/** References that flows or agents name but the solution does not define (CR006). */
function missingReferences(solution) {
    const defined = new Set(solution.connectionReferences.map((r) => (0,helpers/* nameKey */.Rc)(r.logicalName)));
    const missing = new Map();
    const add = (name, api, kind, user) => {
        const key = (0,helpers/* nameKey */.Rc)(name);
        if (defined.has(key))
            return;
        let entry = missing.get(key);
        if (entry === undefined) {
            entry = { name, api, users: [] };
            missing.set(key, entry);
        }
        if (!entry.users.some((u) => u.kind === kind && u.name === user)) {
            entry.users.push({ kind, name: user });
        }
    };
    for (const flow of solution.flows) {
        for (const connection of flow.connections) {
            const name = connection.connectionReference;
            if (name)
                add(name, connection.api, 'flow', flow.name);
        }
    }
    for (const agent of solution.agents) {
        for (const component of agent.components) {
            for (const name of component.connectionReferences) {
                add(name, AGENT_REFERENCE_API.exec(name)?.[1] ?? 'connector unknown', 'agent', agent.displayName);
            }
        }
    }
    return [...missing.values()];
}
function usersOf(solution) {
    const users = { flows: new Set(), apps: new Set(), agents: new Set() };
    for (const ref of solution.connectionReferences) {
        for (const user of ref.usedBy) {
            if (user.kind === 'flow')
                users.flows.add(user.name);
            else if (user.kind === 'canvasApp')
                users.apps.add(user.name);
            else
                users.agents.add(user.name);
        }
    }
    for (const flow of solution.flows) {
        if (flow.connections.some((c) => c.connectionReference))
            users.flows.add(flow.name);
    }
    return users;
}
/** True when the solution has anything to draw: references, or flows naming missing ones. */
function hasDiagram(solution) {
    return solution.connectionReferences.length > 0 || missingReferences(solution).length > 0;
}
/** Whether the full form would be summarized anyway (too many references or users). */
function isLarge(solution) {
    const users = usersOf(solution);
    return (solution.connectionReferences.length + missingReferences(solution).length >
        DIAGRAM_REFERENCE_LIMIT ||
        users.flows.size + users.apps.size + users.agents.size > DIAGRAM_USER_LIMIT);
}
/** The Mermaid source (no code fence), or undefined when there is nothing to draw. */
function connectionDiagram(solution, findings, options) {
    if (!hasDiagram(solution))
        return undefined;
    const states = referenceStates(solution, findings, options.deferred);
    const lines = options.mode === 'summary' || isLarge(solution)
        ? summaryDiagram(solution, states)
        : fullDiagram(solution, states);
    return ['flowchart LR', ...lines, ...CLASS_DEFS.map((line) => `  ${line}`)].join('\n');
}
/** Adds `class a,b name` lines for the nodes of each class. */
function classLines(classes) {
    return [...classes]
        .filter(([, ids]) => ids.length > 0)
        .map(([name, ids]) => `  class ${ids.join(',')} ${name}`);
}
function fullDiagram(solution, states) {
    const lines = [];
    const edges = [];
    const classes = new Map([
        ['unbound', []],
        ['mismatch', []],
        ['deferred', []],
        ['missing', []],
    ]);
    const connectorIds = new Map();
    const connector = (api) => {
        const key = api.toLowerCase();
        let id = connectorIds.get(key);
        if (id === undefined) {
            id = `c${connectorIds.size}`;
            connectorIds.set(key, id);
            lines.push(node(id, mermaidText(api)));
        }
        return id;
    };
    const userIds = new Map();
    const user = (kind, name) => {
        const key = `${kind}\u0000${name}`;
        let id = userIds.get(key);
        if (id === undefined) {
            const prefix = kind === 'flow' ? 'f' : kind === 'canvasApp' ? 'a' : 'g';
            const noun = kind === 'flow' ? 'flow' : kind === 'canvasApp' ? 'canvas app' : 'agent';
            id = `${prefix}${userIds.size}`;
            userIds.set(key, id);
            lines.push(node(id, `${noun}: ${mermaidText(name)}`));
        }
        return id;
    };
    solution.connectionReferences.forEach((ref, index) => {
        const id = `r${index}`;
        const state = states.get(ref.logicalName) ?? 'ok';
        lines.push(node(id, `${mermaidText(ref.logicalName)}${STATE_NOTE[state]}`));
        if (state !== 'ok')
            classes.get(state).push(id);
        edges.push(`  ${id} --> ${connector((0,common/* connectorName */.LU)(ref.connectorId))}`);
        for (const used of ref.usedBy) {
            // A canvas app is matched by connector only: a dotted edge says no more than that.
            edges.push(`  ${user(used.kind, used.name)} ${used.kind === 'canvasApp' ? '-.->' : '-->'} ${id}`);
        }
    });
    missingReferences(solution).forEach(({ name, api, users }, index) => {
        const id = `m${index}`;
        lines.push(node(id, `${mermaidText(name)} · not in the solution`));
        classes.get('missing').push(id);
        edges.push(`  ${id} --> ${connector(api)}`);
        for (const used of users)
            edges.push(`  ${user(used.kind, used.name)} --> ${id}`);
    });
    return [...lines, ...[...new Set(edges)], ...classLines(classes)];
}
function summaryDiagram(solution, states) {
    const byConnector = new Map();
    const summaryOf = (api) => {
        const key = api.toLowerCase();
        let entry = byConnector.get(key);
        if (entry === undefined) {
            entry = {
                api,
                references: 0,
                unbound: 0,
                mismatched: 0,
                deferred: 0,
                missing: 0,
                kinds: new Set(),
            };
            byConnector.set(key, entry);
        }
        return entry;
    };
    for (const ref of solution.connectionReferences) {
        const entry = summaryOf((0,common/* connectorName */.LU)(ref.connectorId));
        entry.references++;
        const state = states.get(ref.logicalName);
        if (state === 'unbound')
            entry.unbound++;
        else if (state === 'mismatch')
            entry.mismatched++;
        else if (state === 'deferred')
            entry.deferred++;
        for (const used of ref.usedBy)
            entry.kinds.add(used.kind);
    }
    for (const { api, users } of missingReferences(solution)) {
        const entry = summaryOf(api);
        entry.missing++;
        for (const used of users)
            entry.kinds.add(used.kind);
    }
    const users = usersOf(solution);
    const lines = [];
    const kindNodes = [
        ['flow', 'flows', users.flows.size, 'cloud flow'],
        ['canvasApp', 'apps', users.apps.size, 'canvas app'],
        ['agent', 'agents', users.agents.size, 'agent'],
    ];
    for (const [, id, count, noun] of kindNodes) {
        if (count > 0)
            lines.push(node(id, (0,common/* plural */.LS)(count, noun)));
    }
    const sorted = [...byConnector.values()].sort((a, b) => b.references + b.missing - (a.references + a.missing) ||
        (a.api.toLowerCase() < b.api.toLowerCase() ? -1 : 1));
    const shown = sorted.slice(0, DIAGRAM_CONNECTOR_LIMIT);
    const classes = new Map([
        ['unbound', []],
        ['mismatch', []],
        ['deferred', []],
        ['missing', []],
    ]);
    const edges = [];
    shown.forEach((entry, index) => {
        const id = `c${index}`;
        const parts = [(0,common/* plural */.LS)(entry.references, 'reference')];
        if (entry.unbound > 0)
            parts.push(`${entry.unbound} unbound`);
        if (entry.mismatched > 0)
            parts.push(`${entry.mismatched} connector mismatch`);
        if (entry.deferred > 0)
            parts.push(`${entry.deferred} bound at deploy`);
        if (entry.missing > 0)
            parts.push(`${entry.missing} not in the solution`);
        lines.push(node(id, `${mermaidText(entry.api)} · ${parts.join(', ')}`));
        const state = entry.unbound > 0
            ? 'unbound'
            : entry.mismatched > 0
                ? 'mismatch'
                : entry.missing > 0
                    ? 'missing'
                    : entry.deferred > 0
                        ? 'deferred'
                        : undefined;
        if (state)
            classes.get(state).push(id);
        for (const [kind, kindId, count] of kindNodes) {
            if (count > 0 && entry.kinds.has(kind)) {
                edges.push(`  ${kindId} ${kind === 'canvasApp' ? '-.->' : '-->'} ${id}`);
            }
        }
    });
    const rest = sorted.slice(DIAGRAM_CONNECTOR_LIMIT);
    if (rest.length > 0) {
        const references = rest.reduce((sum, entry) => sum + entry.references + entry.missing, 0);
        lines.push(node('more', `${(0,common/* plural */.LS)(rest.length, 'more connector')} · ${(0,common/* plural */.LS)(references, 'reference')}`));
    }
    return [...lines, ...edges, ...classLines(classes)];
}

;// CONCATENATED MODULE: ./src/core/format/markdown-sections.ts




const SEVERITY_ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' };
/** From this many findings of one rule and severity in one section, they are one row. */
const GROUP_FROM = 3;
/** Line numbers listed in a grouped row's location. */
const LINES_SHOWN = 12;
// Text without these characters is shown as a code span as is; anything else is escaped instead,
// because backslash escapes do not work inside code spans.
const CODE_SAFE = /^[^`|<>&\\\r\n]+$/;
/** A name as a code span when that is safe, else as escaped text. */
function codeCell(text) {
    return CODE_SAFE.test(text) && text.trim() === text ? `\`${text}\`` : (0,common/* escapeCell */.kq)(text);
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function table(header, rows) {
    return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}
function severityCell(severity) {
    return `${SEVERITY_ICON[severity]} ${severity}`;
}
function findingRow(finding) {
    const where = (0,common/* locationText */.fN)(finding);
    return [
        severityCell(finding.severity),
        `[${finding.ruleId}](${(0,version/* ruleDocsUrl */.hS)(finding.ruleId)})`,
        codeCell(finding.subject),
        (0,common/* escapeCell */.kq)(finding.message),
        where === undefined ? '—' : codeCell(where),
    ];
}
/** `config/Prod/deploymentSettings.json: lines 4, 9, 14 …`, or the first place and a count. */
function groupLocation(findings) {
    const files = [...new Set(findings.map((f) => f.location?.file))];
    if (files.length === 1 && files[0] !== undefined) {
        const lines = [
            ...new Set(findings.map((f) => f.location?.line).filter((l) => l !== undefined)),
        ];
        if (lines.length === 0)
            return codeCell(files[0]);
        const shown = lines.slice(0, LINES_SHOWN).join(', ');
        const more = lines.length > LINES_SHOWN ? ` … (${lines.length})` : '';
        return `${codeCell(files[0])}: ${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
    }
    const first = findings.find((f) => f.location !== undefined);
    const where = first === undefined ? undefined : (0,common/* locationText */.fN)(first);
    if (where === undefined)
        return '—';
    return `${codeCell(where)} and ${(0,common/* plural */.LS)(findings.length - 1, 'more place')}`;
}
function groupRow(findings, subjectsShown) {
    const first = findings[0];
    const subjects = [...new Set(findings.map((f) => f.subject))];
    const listed = subjects.slice(0, Math.max(1, subjectsShown)).map(codeCell);
    if (subjects.length > listed.length)
        listed.push(`and ${subjects.length - listed.length} more`);
    const description = (0,rules/* findRule */.Il)(first.ruleId)?.meta.description ?? first.ruleId;
    return [
        severityCell(first.severity),
        `[${first.ruleId}](${(0,version/* ruleDocsUrl */.hS)(first.ruleId)}) ×${findings.length}`,
        listed.join(', '),
        `${(0,common/* escapeCell */.kq)(description)} (${(0,common/* plural */.LS)(findings.length, 'finding')}). The first: ${(0,common/* escapeCell */.kq)(first.message)}`,
        groupLocation(findings),
    ];
}
/**
 * The rows of one section's findings, most severe first: a rule and severity with at least
 * GROUP_FROM findings is one row; only shown findings count (the size budget drops the rest).
 */
function findingRows(findings, detail) {
    const groups = new Map();
    for (const finding of (0,common/* bySeverity */.Np)(findings)) {
        if (!detail.shownFindings.has(finding))
            continue;
        const key = `${finding.ruleId}\u0000${finding.severity}`;
        const group = groups.get(key);
        if (group)
            group.push(finding);
        else
            groups.set(key, [finding]);
    }
    const rows = [];
    for (const group of groups.values()) {
        if (group.length >= GROUP_FROM)
            rows.push(groupRow(group, detail.subjectsShown));
        else
            rows.push(...group.map(findingRow));
    }
    return rows;
}
const FINDING_HEADER = ['Severity', 'Rule', 'Subject', 'Message', 'Location'];
function findingsSection(title, findings, detail) {
    const rows = findingRows(findings, detail);
    const shown = findings.filter((finding) => detail.shownFindings.has(finding)).length;
    const lines = [`#### ${title} (${findings.length})`, ''];
    if (rows.length > 0)
        lines.push(...table(FINDING_HEADER, rows));
    const hidden = findings.length - shown;
    if (hidden > 0) {
        if (rows.length > 0)
            lines.push('');
        lines.push(`_… ${(0,common/* plural */.LS)(hidden, 'more finding')} not shown (size limit): the JSON report lists them all._`);
    }
    return [...lines, ''];
}
const DIAGRAM_LEGEND = '_Solid arrows: a flow or agent uses the reference; dotted: a canvas app uses its connector (apps are matched by connector only). Red: unbound; amber: connector mismatch; blue, dashed: bound at deploy (placeholder deferred); dashed red outline: not in the solution._';
function diagramSection(report, solution, findings, mode) {
    if (mode === 'none' || !hasDiagram(solution))
        return [];
    const source = connectionDiagram(solution, findings, {
        mode,
        deferred: report.deferredVariables !== undefined,
    });
    if (source === undefined)
        return [];
    const summarized = mode === 'summary' || isLarge(solution);
    return [
        `#### Connections${summarized ? ' (summarized by connector)' : ''}`,
        '',
        '```mermaid',
        source,
        '```',
        '',
        DIAGRAM_LEGEND,
        '',
    ];
}
/** Every variable the deploy stage must define, once (placeholders deferred). */
function deferredSection(report, tableRows) {
    const variables = report.deferredVariables;
    if (variables === undefined || variables.length === 0)
        return [];
    const lines = [
        `### Placeholders left for the deploy stage (${variables.length})`,
        '',
        `Placeholders are deferred: the deploy stage must define ${(0,common/* plural */.LS)(variables.length, 'variable')} before it checks the settings again and imports.`,
        '',
    ];
    const rows = Math.max(tableRows, 5);
    // Short names for the files (`Prod`, `Test`), as the matrix of references by file has them.
    const files = [...new Set(variables.flatMap((variable) => variable.settings))].sort();
    const short = (0,common/* settingsLabels */.x5)(files);
    const labels = new Map(files.map((file, i) => [file, short[i]]));
    const legend = files.filter((file) => labels.get(file) !== file);
    lines.push(...table(['Variable', 'Settings files'], variables
        .slice(0, rows)
        .map((variable) => [
        codeCell((0,common/* deferredVariableText */.Z_)(variable)),
        variable.settings.length === files.length && files.length > 1
            ? `all ${files.length}`
            : variable.settings.map((file) => codeCell(labels.get(file) ?? file)).join(', '),
    ])));
    if (legend.length > 0) {
        lines.push('', `_${legend.map((file) => `${codeCell(labels.get(file))} is ${codeCell(file)}`).join(', ')}._`);
    }
    if (variables.length > rows) {
        lines.push('', `_… ${variables.length - rows} more variables not shown (size limit): the JSON report lists them all._`);
    }
    return [...lines, ''];
}

;// CONCATENATED MODULE: ./src/core/format/markdown.ts
// Markdown for job summaries and pull-request comments (GitHub and Azure DevOps): per solution a
// diagram of what uses which connection reference and connector, a table of connection references
// and one of environment variables, then the findings. Each host limits the size (a GitHub job
// summary 1 MiB, a GitHub comment 65,536 characters, an Azure DevOps comment 150,000), so the
// document is fitted into a budget: the diagram is summarized first, then tables shrink, then the
// diagram goes; findings go last and always most severe first.






/** The budget when none is given (the CLI's `--format markdown`). */
const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;
/** GitHub rejects a job summary over 1 MiB ("supports content up to a size of 1024k"), in bytes. */
const GITHUB_SUMMARY_MAX_BYTES = 1_048_576;
/** GitHub rejects a comment body over 65,536 characters. */
const GITHUB_COMMENT_MAX_LENGTH = 65_536;
/**
 * Azure DevOps rejects a pull-request comment over 150,000 characters ("A discussion comment
 * cannot be longer than 150000 characters"; the REST API's answer, not in its documentation).
 */
const AZURE_DEVOPS_COMMENT_MAX_LENGTH = 150_000;
/**
 * The budget of a job summary (GitHub's and, with no documented limit of its own, the Azure
 * DevOps summary attachment's): 1 MiB less room for the line an adapter appends.
 */
const SUMMARY_MAX_BYTES = GITHUB_SUMMARY_MAX_BYTES - 8 * 1024;
/** The budgets of the pull-request comments, a little under each host's limit. */
const GITHUB_COMMENT_BUDGET = GITHUB_COMMENT_MAX_LENGTH - 536;
const AZURE_DEVOPS_COMMENT_BUDGET = AZURE_DEVOPS_COMMENT_MAX_LENGTH - 1_000;
const MAX_USERS_SHOWN = 5;
const MAX_COMPONENTS_SHOWN = 3;
/** `agent Monitoring Agent (Kusto Query, Word MCP)`: an agent with the components that use it. */
function userText(user) {
    const name = (0,common/* escapeCell */.kq)(user.name);
    if (user.kind === 'flow')
        return `flow ${name}`;
    // Canvas apps store connector ids, not references: the cell says they match by connector.
    if (user.kind === 'canvasApp')
        return `canvas app ${name} (by connector)`;
    const components = user.components ?? [];
    const shown = components.slice(0, MAX_COMPONENTS_SHOWN).map(common/* escapeCell */.kq);
    if (components.length > MAX_COMPONENTS_SHOWN) {
        shown.push(`${components.length - MAX_COMPONENTS_SHOWN} more`);
    }
    const detail = shown.length > 0 ? ` (${shown.join(', ')})` : '';
    return `agent ${name}${detail}`;
}
function usedByCell(reference) {
    if (reference.usedBy.length === 0)
        return '—';
    const names = reference.usedBy.slice(0, MAX_USERS_SHOWN).map(userText);
    const more = reference.usedBy.length - MAX_USERS_SHOWN;
    if (more > 0)
        names.push(`${more} more`);
    return names.join('<br>');
}
function bound(value) {
    return value ? '✅' : '❌';
}
/** ⏳ for a reference whose ConnectionId waits for the deploy stage (placeholders deferred). */
function referenceBound(reference, deferred) {
    return !reference.bound && deferred.has(reference.logicalName.toLowerCase())
        ? '⏳ at deploy'
        : bound(reference.bound);
}
/** Names whose only settings problem is a deferred placeholder (CR002 and no CR001). */
function deferredNames(report, findings) {
    if (report.deferredVariables === undefined)
        return new Set();
    const about = (id) => new Set(findings.filter((f) => f.ruleId === id).map((f) => f.subject.toLowerCase()));
    const unbound = about('CR001');
    return new Set([...about('CR002')].filter((name) => !unbound.has(name)));
}
function referenceRow(reference, deferred, withTarget = false) {
    const cells = [
        codeCell(reference.logicalName),
        (0,common/* escapeCell */.kq)(reference.displayName),
        `${codeCell((0,common/* connectorName */.LU)(reference.connectorId))}${reference.custom ? ' (custom)' : ''}`,
        referenceBound(reference, deferred),
        usedByCell(reference),
    ];
    if (withTarget)
        cells.push(targetCell(reference.target));
    return cells;
}
function variableRow(variable) {
    const values = [variable.hasDefault && 'default', variable.hasCurrentValue && 'current'].filter(Boolean);
    return [
        codeCell(variable.schemaName),
        variable.type,
        values.length > 0 ? values.join(', ') : '—',
        bound(variable.bound),
    ];
}
function limitedTable(title, items, header, toRow, noun, maxRows) {
    if (items.length === 0)
        return [];
    const lines = [`#### ${title} (${items.length})`, ''];
    if (maxRows <= 0) {
        lines.push(`_${(0,common/* plural */.LS)(items.length, noun)} not shown to keep this summary within its size limit._`);
        return [...lines, ''];
    }
    lines.push(...table(header, items.slice(0, maxRows).map(toRow)));
    if (items.length > maxRows) {
        lines.push('', `_… ${items.length - maxRows} more ${noun}s not shown (size limit)._`);
    }
    return [...lines, ''];
}
const CELL_ICON = { ok: '✅', ...SEVERITY_ICON };
/**
 * With several settings files: references and variables by settings file, each cell the most
 * severe finding about that name against that file (✅ when there is none).
 */
function matrixSection(solution, groups, labels, detail) {
    const findingsOf = groups.bySettings.map((g) => g.findings);
    const cell = (kind, name) => findingsOf.map((findings) => {
        const { state, rules } = (0,common/* matrixCell */.oZ)(findings, kind, name);
        return rules.length === 0 ? CELL_ICON[state] : `${CELL_ICON[state]} ${rules.join(', ')}`;
    });
    const columns = labels.map((label) => codeCell(label));
    const lines = [
        ...limitedTable('Connection references by settings file', solution.connectionReferences, ['Logical name', ...columns], (ref) => [codeCell(ref.logicalName), ...cell('reference', ref.logicalName)], 'connection reference', detail.tableRows),
        ...limitedTable('Environment variables by settings file', solution.environmentVariables, ['Schema name', ...columns], (variable) => [codeCell(variable.schemaName), ...cell('variable', variable.schemaName)], 'environment variable', detail.tableRows),
    ];
    if (lines.length === 0)
        return [];
    const legend = groups.bySettings
        .map((g, i) => labels[i] === g.settings ? undefined : `${codeCell(labels[i])} is ${codeCell(g.settings)}`)
        .filter((text) => text !== undefined);
    lines.push(`_✅ nothing found, ❌ error, ⚠️ warning, with the rule ids${legend.length > 0 ? `; ${legend.join(', ')}` : ''}._`, '');
    return lines;
}
function solutionSection(report, group, detail, settingsFiles) {
    const { solution } = group;
    const lines = [];
    const deferred = deferredNames(report, group.findings);
    const groups = settingsFiles.length > 1 ? (0,common/* groupBySettings */.on)(group.findings, settingsFiles) : undefined;
    if (solution) {
        lines.push(`### ${(0,common/* escapeCell */.kq)(solution.uniqueName)} ${(0,common/* escapeCell */.kq)(solution.version)} (${solution.managed})`, '', `${codeCell(solution.path)}: ${[
            (0,common/* plural */.LS)(solution.connectionReferences.length, 'connection reference'),
            (0,common/* plural */.LS)(solution.flows.length, 'cloud flow'),
            (0,common/* plural */.LS)(solution.canvasApps.length, 'canvas app'),
            (0,common/* plural */.LS)(solution.agents.length, 'agent'),
            (0,common/* plural */.LS)(solution.environmentVariables.length, 'environment variable'),
        ].join(', ')}${groups ? `, checked against ${(0,common/* plural */.LS)(settingsFiles.length, 'settings file')}` : ''}`, '');
        if (detail.diagram !== 'none') {
            lines.push(...diagramSection(report, solution, group.findings, detail.diagram));
        }
        // With --environment, a column says what the target holds for each bound connection.
        const withTarget = solution.connectionReferences.some((r) => r.target !== undefined);
        lines.push(...limitedTable('Connection references', solution.connectionReferences, [
            'Logical name',
            'Display name',
            'Connector',
            groups ? 'Bound in all' : 'Bound',
            'Used by',
            ...(withTarget ? ['In the target'] : []),
        ], (reference) => referenceRow(reference, deferred, withTarget), 'connection reference', detail.tableRows), ...limitedTable('Environment variables', solution.environmentVariables, ['Schema name', 'Type', 'Value in solution', groups ? 'Bound in all' : 'Bound'], variableRow, 'environment variable', detail.tableRows));
        if (groups)
            lines.push(...matrixSection(solution, groups, (0,common/* settingsLabels */.x5)(settingsFiles), detail));
    }
    else {
        lines.push(`### ${codeCell(group.key)}`, '');
    }
    if (group.findings.length === 0) {
        lines.push('No findings.', '');
        return lines;
    }
    if (!groups)
        return [...lines, ...findingsSection('Findings', (0,common/* bySeverity */.Np)(group.findings), detail)];
    // Findings that do not depend on the settings come once, then each settings file's own.
    if (groups.common.length > 0) {
        const title = groups.common.some((f) => f.settings !== undefined)
            ? `Findings in the solution, the same against each of the ${groups.repeatedFor} settings files`
            : 'Findings in the solution';
        lines.push(...findingsSection(title, (0,common/* bySeverity */.Np)(groups.common), detail));
    }
    for (const { settings, findings } of groups.bySettings) {
        if (findings.length === 0) {
            lines.push(`#### Findings against ${codeCell(settings)} (0)`, '', 'No findings.', '');
            continue;
        }
        lines.push(...findingsSection(`Findings against ${codeCell(settings)}`, (0,common/* bySeverity */.Np)(findings), detail));
    }
    return lines;
}
/** The headline: the verdict when `failOn` is known, else a plain title. */
function headline(report, failOn) {
    if (failOn === undefined)
        return `## ${version/* TOOL_NAME */.lH} report`;
    return isFailing(report.summary, failOn)
        ? `## ❌ ${version/* TOOL_NAME */.lH}: fails the gate`
        : `## ✅ ${version/* TOOL_NAME */.lH}: passes the gate`;
}
function summaryLine(report, options) {
    const parts = [
        `${(0,common/* plural */.LS)(report.solutions.length, 'solution')} checked${(0,common/* againstText */.F5)(report)}: ${(0,common/* summaryText */.g5)(report.summary)}${(0,common/* perFileNote */.se)(report)}`,
    ];
    if (options.failOn !== undefined) {
        parts.push(options.failOn === 'never'
            ? 'the gate is set never to fail'
            : `the gate fails on ${options.failOn === 'error' ? 'errors' : 'warnings or errors'}`);
    }
    if (options.runUrl) {
        // A parenthesis or space in the URL would end the link early.
        const url = options.runUrl.replace(/[()\s<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
        parts.push(`[run details](${url})`);
    }
    return `${parts.join(' · ')}.`;
}
function render(report, intro, options, detail) {
    const lines = [...intro, summaryLine(report, options), ''];
    lines.push(...deferredSection(report, detail.tableRows));
    for (const group of (0,common/* groupBySolution */.o8)(report)) {
        lines.push(...solutionSection(report, group, detail, (0,common/* groupSettingsFiles */.y6)(report, group)));
    }
    return `${lines.join('\n').trimEnd()}\n`;
}
const TRUNCATED_NOTE = '\n\n_… cut to fit the size limit: the JSON report has everything._\n';
/** Whether a text is within the character and byte budgets. */
function fitsWithin(options) {
    const maxLength = options.maxLength ?? (options.maxBytes === undefined ? DEFAULT_MARKDOWN_MAX_LENGTH : Infinity);
    const maxBytes = options.maxBytes ?? Infinity;
    return (text) => text.length <= maxLength &&
        // A character is at most 3 UTF-8 bytes per UTF-16 unit: count only when it might matter.
        (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes);
}
/** From the richest to the leanest, before findings are dropped. */
const LEVELS = [
    { tableRows: Infinity, diagram: 'full', subjectsShown: 50 },
    { tableRows: Infinity, diagram: 'summary', subjectsShown: 50 },
    { tableRows: 25, diagram: 'summary', subjectsShown: 20 },
    { tableRows: 25, diagram: 'none', subjectsShown: 20 },
    { tableRows: 5, diagram: 'none', subjectsShown: 10 },
    { tableRows: 0, diagram: 'none', subjectsShown: 10 },
];
/**
 * Renders at the richest level of detail that fits the budget: the full diagram and all rows,
 * then the diagram summarized, 25 rows per table, no diagram, 5 rows, no tables, then as many
 * findings as fit (most severe first). A final hard cut only happens when even the headline and
 * the first finding do not fit.
 */
function fitMarkdown(report, intro, options) {
    const fits = fitsWithin(options);
    const allFindings = new Set(report.findings);
    const levels = LEVELS.filter((level) => options.diagram !== false || level.diagram === 'none');
    for (const level of levels) {
        const text = render(report, intro, options, { ...level, shownFindings: allFindings });
        if (fits(text))
            return text;
    }
    const ranked = (0,common/* bySeverity */.Np)(report.findings);
    const leanest = LEVELS[LEVELS.length - 1];
    const withFindings = (count) => render(report, intro, options, { ...leanest, shownFindings: new Set(ranked.slice(0, count)) });
    // Binary search for the most findings that fit; the length grows with the count.
    let low = 0;
    let high = ranked.length;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (fits(withFindings(mid)))
            low = mid;
        else
            high = mid - 1;
    }
    const text = withFindings(low);
    if (fits(text))
        return text;
    // Cut at a line end so that no table row or escape sequence is left half-written.
    let cut = text;
    while (cut.length > 0 && !fits(cut + TRUNCATED_NOTE)) {
        const target = Math.max(0, Math.floor(cut.length * 0.9) - TRUNCATED_NOTE.length);
        const lineEnd = cut.lastIndexOf('\n', target);
        cut = lineEnd > 0 ? cut.slice(0, lineEnd) : cut.slice(0, target);
    }
    return cut + TRUNCATED_NOTE;
}
function markdown_formatMarkdown(report, options = {}) {
    return fitMarkdown(report, [headline(report, options.failOn), ''], options);
}
// ---------------------------------------------------------------------------------------------
// The single pull-request comment that the GitHub and Azure DevOps adapters create once and then
// update in place. Hidden markers let an adapter find its own comment and tell whether the
// previous run failed, so that a fix is announced instead of passing silently.
/** Identifies the comment written by connref-gate among all comments of a pull request. */
const COMMENT_MARKER = '<!-- connref-gate -->';
const STATE_PATTERN = /<!-- connref-gate:state=(pass|fail) -->/;
function stateMarker(state) {
    return `<!-- connref-gate:state=${state} -->`;
}
/** The gate state recorded in an earlier comment body, if it is one of ours. */
function commentState(body) {
    if (body === undefined)
        return undefined;
    return STATE_PATTERN.exec(body)?.[1];
}
function formatPullRequestComment(report, options) {
    const state = isFailing(report.summary, options.failOn) ? 'fail' : 'pass';
    const intro = [COMMENT_MARKER, stateMarker(state), headline(report, options.failOn), ''];
    if (state === 'pass' && commentState(options.previousBody) === 'fail') {
        intro.push('**All clear: the problems reported earlier are fixed.**', '');
    }
    return fitMarkdown(report, intro, {
        failOn: options.failOn,
        runUrl: options.runUrl,
        maxLength: options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH,
        diagram: options.diagram,
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/core/format/sarif.ts
// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`) and other SARIF
// viewers. Code scanning needs a file location on every result, relative URIs to map results to
// repository files, and stable fingerprints to track an alert across runs.





const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'connrefGate/v1';
// GitHub reads `problem.severity` for alerts that are not security alerts.
const PROBLEM_SEVERITY = {
    error: 'error',
    warning: 'warning',
    note: 'recommendation',
};
/** SARIF wants a rule's friendly name as one Pascal-case identifier: `unbound-x` -> `UnboundX`. */
function pascalCase(slug) {
    return slug
        .split(/[^A-Za-z0-9]+/)
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join('');
}
function ruleDescriptor(meta) {
    const helpUri = meta.docsUrl || (0,version/* ruleDocsUrl */.hS)(meta.id);
    return {
        id: meta.id,
        name: pascalCase(meta.name),
        shortDescription: { text: meta.description },
        fullDescription: { text: meta.details || meta.description },
        help: {
            text: `${meta.details || meta.description}\n\nSee ${helpUri}`,
            markdown: `**${meta.id}: ${meta.description}**\n\n${meta.details || meta.description}\n\n[Documentation](${helpUri})`,
        },
        helpUri,
        defaultConfiguration: { level: meta.defaultSeverity },
        properties: {
            tags: ['power-platform', 'deployment'],
            'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity],
        },
    };
}
/** A rule id that the rule list does not describe still needs a descriptor for `ruleIndex`. */
function unknownRule(id) {
    return {
        id,
        name: id.toLowerCase(),
        defaultSeverity: 'error',
        description: id,
        details: '',
        needsSettings: false,
        docsUrl: (0,version/* ruleDocsUrl */.hS)(id),
    };
}
/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function pathToUri(path) {
    return path
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, '')
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}
/** Splits `X.zip!/entry` into the zip (the artifact) and the entry inside it. */
function splitZipEntry(file) {
    const normalized = file.replace(/\\/g, '/');
    const bang = normalized.toLowerCase().indexOf('.zip!/');
    if (bang === -1)
        return { path: normalized };
    return { path: normalized.slice(0, bang + 4), entry: normalized.slice(bang + 6) };
}
function fallbackFile(finding, report) {
    const solution = report.solutions.find((s) => s.path === finding.solution) ??
        report.solutions.find((s) => s.uniqueName === finding.solution);
    return solution?.path ?? finding.settings ?? finding.solution;
}
function mergeRepeated(findings) {
    const merged = new Map();
    for (const finding of (0,common/* collapseRepeated */.qm)(findings)) {
        const key = [
            finding.ruleId,
            finding.severity,
            finding.subject,
            finding.message,
            finding.location?.file ?? `\u0001${finding.solution}`,
            finding.location?.line,
            finding.location?.column,
        ].join('\u0000');
        const entry = merged.get(key);
        if (entry === undefined) {
            merged.set(key, {
                finding,
                settings: finding.settings === undefined ? [] : [finding.settings],
                solutions: [finding.solution],
            });
            continue;
        }
        if (finding.settings !== undefined && !entry.settings.includes(finding.settings)) {
            entry.settings.push(finding.settings);
        }
        if (!entry.solutions.includes(finding.solution))
            entry.solutions.push(finding.solution);
    }
    return [...merged.values()];
}
/** ` (against config/Prod/deploymentSettings.json)`, unless the finding is in that very file. */
function againstSettings(settings, file) {
    if (settings.length === 0 || (settings.length === 1 && settings[0] === file))
        return '';
    return ` (against ${(0,helpers/* andList */.cM)(settings)})`;
}
function resultFor({ finding, settings, solutions }, ruleIndex, report, fingerprint) {
    const file = finding.location?.file ?? fallbackFile(finding, report);
    const { path, entry } = splitZipEntry(file);
    const line = finding.location?.line;
    let text = finding.message + againstSettings(settings, finding.location?.file);
    // Viewers cannot open an entry inside a zip: the zip is the location, the entry is named here.
    if (entry !== undefined)
        text += ` (in ${entry}${line !== undefined ? `, line ${line}` : ''})`;
    // Code scanning shows a result only with a region; a file-level finding points at line 1.
    const inFile = entry === undefined && line !== undefined;
    const column = inFile ? finding.location?.column : undefined;
    const region = {
        startLine: inFile ? line : 1,
        ...(column !== undefined && { startColumn: column }),
    };
    return {
        ruleId: finding.ruleId,
        ruleIndex,
        level: finding.severity,
        message: { text },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: pathToUri(path), uriBaseId: '%SRCROOT%' },
                    region,
                },
            },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        properties: {
            solution: finding.solution,
            ...(solutions.length > 1 && { solutions }),
            subject: finding.subject,
            ...(settings.length === 1 && { settings: settings[0] }),
            ...(settings.length > 1 && { settingsFiles: settings }),
        },
    };
}
/**
 * Fingerprints leave out the line and the message so that an alert survives edits elsewhere in
 * the file and rewording, and the settings files, since one alert may hold for several; identical
 * keys (one app using two custom connectors) are numbered.
 */
function fingerprints(results) {
    const seen = new Map();
    return results.map(({ finding }) => {
        const key = [
            finding.ruleId,
            finding.solution,
            finding.subject,
            finding.location?.file ?? '',
        ].join('\u0000');
        const hash = (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 32);
        const occurrence = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, occurrence);
        return `${hash}:${occurrence}`;
    });
}
function sarif_formatSarif(report, options = {}) {
    const metas = [...(options.rules ?? rules/* allRules */.V7.map((rule) => rule.meta))];
    const indexById = new Map(metas.map((meta, index) => [meta.id, index]));
    for (const finding of report.findings) {
        if (!indexById.has(finding.ruleId)) {
            indexById.set(finding.ruleId, metas.length);
            metas.push(unknownRule(finding.ruleId));
        }
    }
    const results = mergeRepeated(report.findings);
    const prints = fingerprints(results);
    const sarif = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: version/* TOOL_NAME */.lH,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        informationUri: version/* REPOSITORY_URL */.ld,
                        rules: metas.map(ruleDescriptor),
                    },
                },
                columnKind: 'utf16CodeUnits',
                results: results.map((result, i) => resultFor(result, indexById.get(result.finding.ruleId) ?? 0, report, prints[i] ?? '')),
                // With placeholders deferred: what the deploy stage must define, once each.
                ...(report.deferredVariables !== undefined && {
                    properties: { deferredVariables: report.deferredVariables },
                }),
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/core/format/text.ts


function ansi(open, close) {
    return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}
const plain = (text) => text;
const COLORS = {
    bold: ansi(1, 22),
    dim: ansi(2, 22),
    severity: { error: ansi(31, 39), warning: ansi(33, 39), note: ansi(36, 39) },
    pass: ansi(32, 39),
};
const NO_COLORS = {
    bold: plain,
    dim: plain,
    severity: { error: plain, warning: plain, note: plain },
    pass: plain,
};
/**
 * Names and messages come from the solution: a control character in them (an escape sequence in
 * a flow name) must not drive the terminal, so it is shown as a visible code instead.
 */
function safe(text) {
    return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
// Severity words are padded to the longest one so that rule ids line up.
const SEVERITY_WIDTH = 'warning'.length;
function findingLines(finding, palette, showSettings = true) {
    const severity = palette.severity[finding.severity](finding.severity.padEnd(SEVERITY_WIDTH));
    const indent = ' '.repeat(2 + SEVERITY_WIDTH + 2);
    const where = locationText(finding);
    const lines = [`  ${severity}  ${palette.bold(finding.ruleId)}  ${safe(finding.subject)}`];
    // Messages are single sentences today, but a newline must not break the layout.
    for (const messageLine of finding.message.split(/\r?\n/))
        lines.push(`${indent}${safe(messageLine)}`);
    const context = [
        where === undefined ? undefined : safe(where),
        showSettings && finding.settings !== undefined ? `settings ${finding.settings}` : undefined,
    ]
        .filter((part) => part !== undefined)
        .join(', ');
    if (context !== '')
        lines.push(`${indent}${palette.dim(context)}`);
    return lines;
}
/**
 * With placeholders deferred, CR002's notes name each placeholder left for the deploy stage, and
 * the list at the end names each variable once: a pull-request gate of a kit with 18 placeholders
 * in 3 files would print 54 notes of three lines. In the text (a log read by a person) they fold
 * into one line per block; JSON, SARIF and markdown keep every one.
 */
function foldDeferred(findings, report, palette) {
    if (!report.deferredVariables?.length)
        return { shown: [...findings], folded: [] };
    const deferred = findings.filter((f) => f.ruleId === 'CR002' && f.severity === 'note');
    if (deferred.length < 2)
        return { shown: [...findings], folded: [] };
    const severity = palette.severity.note('note'.padEnd(SEVERITY_WIDTH));
    return {
        shown: findings.filter((f) => !(f.ruleId === 'CR002' && f.severity === 'note')),
        folded: [
            `  ${severity}  ${palette.bold('CR002')}  ${plural(deferred.length, 'placeholder')} left for the deploy stage (placeholders deferred; the variables are listed below)`,
        ],
    };
}
function findingBlock(findings, report, palette, showSettings) {
    const { shown, folded } = foldDeferred(findings, report, palette);
    const lines = bySeverity(shown).flatMap((finding) => findingLines(finding, palette, showSettings));
    return [...lines, ...folded];
}
function text_formatText(report, options) {
    const palette = options.color ? COLORS : NO_COLORS;
    const lines = [];
    for (const group of groupBySolution(report)) {
        const { solution } = group;
        const settingsFiles = groupSettingsFiles(report, group);
        const header = solution
            ? `${palette.bold(safe(solution.uniqueName))} ${safe(solution.version)} (${solution.managed}) ${palette.dim(safe(solution.path))}`
            : palette.bold(safe(group.key));
        lines.push(header);
        if (solution) {
            lines.push(`  ${[
                plural(solution.connectionReferences.length, 'connection reference'),
                plural(solution.flows.length, 'cloud flow'),
                plural(solution.canvasApps.length, 'canvas app'),
                plural(solution.agents.length, 'agent'),
                plural(solution.environmentVariables.length, 'environment variable'),
            ].join(', ')}`);
            const target = targetSummary(solution);
            if (target)
                lines.push(`  ${safe(target)}`);
        }
        if (group.findings.length === 0) {
            lines.push(`  ${palette.pass('no findings')}`);
        }
        else if (settingsFiles.length > 1) {
            // Several settings files (environments): what does not depend on them once, then per file.
            const groups = groupBySettings(group.findings, settingsFiles);
            if (groups.common.length > 0) {
                const repeated = groups.common.some((f) => f.settings !== undefined);
                lines.push(`  ${palette.bold(repeated ? `In the solution, the same against each of the ${groups.repeatedFor} settings files:` : 'In the solution:')}`);
                lines.push(...findingBlock(groups.common, report, palette, false));
            }
            for (const { settings, findings } of groups.bySettings) {
                const count = findings.length === 0 ? ` ${palette.pass('no findings')}` : '';
                lines.push(`  ${palette.bold(`Against ${safe(settings)}:`)}${count}`);
                lines.push(...findingBlock(findings, report, palette, false));
            }
        }
        else {
            lines.push(...findingBlock(group.findings, report, palette, true));
        }
        lines.push('');
    }
    const deferred = report.deferredVariables;
    if (deferred !== undefined && deferred.length > 0) {
        // The files once, when every variable is in the same ones (the usual case: one per stage).
        const files = deferred[0].settings.join(', ');
        const same = deferred.every((variable) => variable.settings.join(', ') === files);
        lines.push(palette.bold(`Placeholders deferred: the deploy stage must define ${plural(deferred.length, 'variable')}${same ? ` (in ${safe(files)})` : ''}:`));
        for (const variable of deferred) {
            const where = same ? '' : `  ${palette.dim(safe(variable.settings.join(', ')))}`;
            lines.push(`  ${safe(deferredVariableText(variable))}${where}`);
        }
        lines.push('');
    }
    const { summary } = report;
    const checked = plural(report.solutions.length, 'solution');
    const verdictStyle = summary.errors > 0
        ? palette.severity.error
        : summary.warnings > 0
            ? palette.severity.warning
            : palette.pass;
    lines.push(verdictStyle(`${checked} checked${againstText(report)}: ${summaryText(summary)}${perFileNote(report)}`));
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/core/format/json.ts
/** SPEC 5's `target` facts (`--environment` only), keys in a fixed order. */
function targetJson(target) {
    return {
        connection: target.connection,
        ...(target.connector !== undefined && { connector: target.connector }),
        ...(target.status !== undefined && { status: target.status }),
        ...(target.owner !== undefined && { owner: target.owner }),
        ...(target.access !== undefined && { access: target.access }),
        ...(target.detail !== undefined && { detail: target.detail }),
    };
}
function solutionJson(solution) {
    return {
        path: solution.path,
        uniqueName: solution.uniqueName,
        version: solution.version,
        managed: solution.managed,
        // The settings files this solution was checked against (each its own, in a monorepo).
        ...(solution.settings !== undefined && { settings: [...solution.settings] }),
        connectionReferences: solution.connectionReferences.map((reference) => ({
            logicalName: reference.logicalName,
            displayName: reference.displayName,
            connectorId: reference.connectorId,
            custom: reference.custom,
            bound: reference.bound,
            usedBy: reference.usedBy.map((user) => ({ kind: user.kind, name: user.name })),
            ...(reference.target && { target: targetJson(reference.target) }),
        })),
        flows: solution.flows.map((flow) => ({
            name: flow.name,
            file: flow.file,
            connections: flow.connections.map((connection) => ({
                key: connection.key,
                api: connection.api,
                connectionReference: connection.connectionReference,
            })),
        })),
        canvasApps: solution.canvasApps.map((app) => ({
            name: app.name,
            displayName: app.displayName,
            connectors: app.connectors.map((connector) => ({
                id: connector.id,
                custom: connector.custom,
            })),
        })),
        agents: solution.agents.map((agent) => ({
            name: agent.name,
            displayName: agent.displayName,
            components: agent.components.map((component) => ({
                name: component.name,
                kind: component.kind,
                connectionReferences: [...component.connectionReferences],
            })),
        })),
        environmentVariables: solution.environmentVariables.map((variable) => ({
            schemaName: variable.schemaName,
            type: variable.type,
            hasDefault: variable.hasDefault,
            hasCurrentValue: variable.hasCurrentValue,
            bound: variable.bound,
        })),
    };
}
function findingJson(finding, sharedNames) {
    // `location` is omitted where there is no file, `line` where there is no line (SPEC 5);
    // `settings` appears only when several settings files were checked; `solutionPath` only when
    // solutions of the same unique name were checked, to tell whose finding it is.
    return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        solution: finding.solution,
        subject: finding.subject,
        ...(finding.location && {
            location: {
                file: finding.location.file,
                ...(finding.location.line !== undefined && { line: finding.location.line }),
            },
        }),
        ...(finding.settings !== undefined && { settings: finding.settings }),
        ...(finding.solutionPath !== undefined &&
            sharedNames.has(finding.solution) && { solutionPath: finding.solutionPath }),
    };
}
function json_formatJson(report) {
    const seen = new Set();
    const sharedNames = new Set();
    for (const { uniqueName } of report.solutions) {
        if (seen.has(uniqueName))
            sharedNames.add(uniqueName);
        seen.add(uniqueName);
    }
    const json = {
        tool: { name: report.tool.name, version: report.tool.version },
        solutions: report.solutions.map(solutionJson),
        findings: report.findings.map((finding) => findingJson(finding, sharedNames)),
        // With placeholders deferred: what the deploy stage must define, once each.
        ...(report.deferredVariables !== undefined && {
            deferredVariables: report.deferredVariables.map((variable) => ({
                name: variable.name,
                environmentName: variable.environmentName,
                settings: [...variable.settings],
            })),
        }),
        summary: {
            errors: report.summary.errors,
            warnings: report.summary.warnings,
            notes: report.summary.notes,
        },
    };
    return `${JSON.stringify(json, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/core/format/index.ts










const OUTPUT_FORMATS = (/* unused pure expression or super */ null && (['text', 'json', 'sarif', 'markdown']));
function isOutputFormat(value) {
    return OUTPUT_FORMATS.includes(value);
}
function formatReport(report, format, options = {}) {
    switch (format) {
        case 'text':
            return formatText(report, { color: options.color ?? false });
        case 'json':
            return formatJson(report);
        case 'sarif':
            return formatSarif(report);
        case 'markdown':
            return formatMarkdown(report, { failOn: options.failOn, maxLength: options.maxLength });
    }
}

;// CONCATENATED MODULE: ./src/core/resolved-settings.ts
// `--resolved-settings`: the settings after placeholder substitution, restricted to what the
// solution defines, in the pac format, for `pac solution import --settings-file`. This file is
// the one output that holds substituted (secret) values, so it is written with mode 0600 and its
// content is never printed.




/**
 * The pac settings for one solution: an entry per connection reference and environment variable
 * that both the solution and the settings have, with the solution's spelling of the name, in the
 * settings file's order. Extra keys (ConnectionOwner) are dropped; so are variables whose Value is
 * null, so that the solution's default or current value applies. A missing ConnectorId is taken
 * from the solution. The first of duplicate entries wins (duplicates are CR005/EV005 errors).
 */
function resolveSettings(solution, settings) {
    const references = new Map(solution.connectionReferences.map((r) => [(0,helpers/* nameKey */.Rc)(r.logicalName), r]));
    const variables = new Map(solution.environmentVariables.map((v) => [(0,helpers/* nameKey */.Rc)(v.schemaName), v]));
    const ConnectionReferences = [];
    const seenReferences = new Set();
    for (const entry of settings.connectionReferences) {
        const key = (0,helpers/* nameKey */.Rc)(entry.logicalName);
        const ref = references.get(key);
        if (ref === undefined || seenReferences.has(key))
            continue;
        seenReferences.add(key);
        ConnectionReferences.push({
            LogicalName: ref.logicalName,
            ConnectionId: entry.connectionId ?? '',
            ConnectorId: (0,helpers/* isBlank */.z3)(entry.connectorId) ? ref.connectorId : entry.connectorId,
        });
    }
    const EnvironmentVariables = [];
    const seenVariables = new Set();
    for (const entry of settings.environmentVariables) {
        const key = (0,helpers/* nameKey */.Rc)(entry.schemaName);
        const variable = variables.get(key);
        if (variable === undefined || seenVariables.has(key))
            continue;
        seenVariables.add(key);
        if (entry.value === null)
            continue;
        EnvironmentVariables.push({ SchemaName: variable.schemaName, Value: entry.value });
    }
    return {
        text: `${JSON.stringify({ EnvironmentVariables, ConnectionReferences }, null, 2)}\n`,
        connectionReferences: ConnectionReferences.length,
        environmentVariables: EnvironmentVariables.length,
    };
}
/**
 * Writes a file that only its owner may read (mode 0600), also when it already existed with a
 * wider mode: the mode is set on the open file before any byte of the content is written.
 */
async function writePrivateFile(path, text, cwd) {
    const absPath = (0,external_node_path_.resolve)(cwd, path);
    try {
        // Not through a link a pull request placed there: these bytes hold the secrets.
        await writeRegularFile(absPath, text, 0o600);
    }
    catch (error) {
        const code = error.code ?? 'error';
        throw new errors/* UsageError */.e(`cannot write ${toReportPath(absPath, cwd)} (${code}): check the path`);
    }
}

;// CONCATENATED MODULE: ./src/core/gate.ts
// The one flow that every entry point (CLI, GitHub Action, Azure DevOps task) shares: check,
// write the requested report files, decide pass or fail. Adapters only map their inputs to
// GateOptions and the outcome to their platform.







/**
 * Refuses an output path inside a solution that was checked (or onto a solution zip): a report
 * written there would change the solution source and could be packed into the next import.
 * Overwriting a settings file that was just checked is refused too.
 */
function assertWritable(target, result, cwd, what) {
    const absTarget = (0,external_node_path_.resolve)(cwd, target);
    for (const settings of result.settingsFiles) {
        if (absTarget === (0,external_node_path_.resolve)(cwd, settings.path)) {
            throw new errors/* UsageError */.e(`refusing to overwrite the settings file ${settings.path} with the ${what}`);
        }
    }
    for (const solution of result.report.solutions) {
        if (isInside(absTarget, (0,external_node_path_.resolve)(cwd, solution.path))) {
            throw new errors/* UsageError */.e(`refusing to write the ${what} ${target} inside the solution ${solution.path}: choose a path outside it`);
        }
    }
}
/** Writes text to a path relative to cwd, creating parent folders. */
async function writeOutputFile(path, text, cwd) {
    const absPath = (0,external_node_path_.resolve)(cwd, path);
    try {
        await writeRegularFile(absPath, text);
    }
    catch (error) {
        const code = error.code ?? 'error';
        throw new errors/* UsageError */.e(`cannot write ${toReportPath(absPath, cwd)} (${code}): check the path`);
    }
}
function exactlyOne(what, paths) {
    if (paths.length === 1)
        return;
    const given = paths.length === 0
        ? 'none was given'
        : `${paths.length} were given (${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''})`;
    throw new errors/* UsageError */.e(`the resolved settings file is for one solution and one settings file: it needs exactly one ${what}, but ${given}`);
}
/** Refuses two outputs that are the same file: the second would overwrite the first. */
function assertDistinct(outputs, cwd) {
    const seen = new Map();
    for (const [what, path] of outputs) {
        if (!path)
            continue;
        const abs = (0,external_node_path_.resolve)(cwd, path);
        const other = seen.get(abs);
        if (other !== undefined) {
            throw new errors/* UsageError */.e(`the ${what} and the ${other} are the same file ${path}: give two paths`);
        }
        seen.set(abs, what);
    }
}
async function runGate(options) {
    const cwd = (0,external_node_path_.resolve)(options.cwd ?? process.cwd());
    const sarifFile = options.sarifFile?.trim() || undefined;
    const reportFile = options.reportFile?.trim() || undefined;
    const resolvedSettingsFile = options.resolvedSettingsFile?.trim() || undefined;
    if (resolvedSettingsFile && options.placeholders === 'defer') {
        // Deferred placeholders pass as notes: pac would import them as literal text.
        throw new errors/* UsageError */.e('the resolved settings file is for the deploy stage, where placeholders are resolved: it is not written with placeholders deferred');
    }
    const settingsGiven = [...(options.settings ?? []), ...(options.settingsPerSolution ?? [])];
    if (resolvedSettingsFile && !settingsGiven.some((p) => p.trim() !== '')) {
        exactlyOne('settings file', []);
    }
    assertDistinct([
        ['SARIF file', sarifFile],
        ['report file', reportFile],
        ['resolved settings file', resolvedSettingsFile],
    ], cwd);
    const result = await check({ ...options, cwd });
    const { report, secrets } = result;
    // Check every target before writing anything, so that a refused path leaves no partial output.
    if (sarifFile)
        assertWritable(sarifFile, result, cwd, 'SARIF file');
    if (reportFile)
        assertWritable(reportFile, result, cwd, 'report file');
    if (resolvedSettingsFile) {
        exactlyOne('solution', result.solutionPaths ?? []);
        exactlyOne('settings file', result.settingsPaths ?? []);
        assertWritable(resolvedSettingsFile, result, cwd, 'resolved settings file');
    }
    // The report never holds secret values; redacting again guards against a rule that slips.
    const written = {};
    if (sarifFile) {
        await writeOutputFile(sarifFile, redactSecrets(sarif_formatSarif(report), secrets), cwd);
        written.sarifFile = sarifFile;
    }
    if (reportFile) {
        await writeOutputFile(reportFile, redactSecrets(json_formatJson(report), secrets), cwd);
        written.reportFile = reportFile;
    }
    const notWritten = {};
    let resolvedSettings;
    if (resolvedSettingsFile) {
        const why = await resolvedSettingsBlocker(result, (0,external_node_path_.resolve)(cwd, resolvedSettingsFile));
        if (why !== undefined) {
            notWritten.resolvedSettings = `resolved settings not written to ${resolvedSettingsFile}: ${why}`;
        }
        else {
            // The one output that must hold the substituted values: no redaction, mode 0600.
            const resolved = resolveSettings(report.solutions[0], result.settingsFiles[0]);
            await writePrivateFile(resolvedSettingsFile, resolved.text, cwd);
            written.resolvedSettings = resolvedSettingsFile;
            resolvedSettings = {
                connectionReferences: resolved.connectionReferences,
                environmentVariables: resolved.environmentVariables,
            };
        }
    }
    // Built on first use: the adapters need it, the CLI's text/JSON/SARIF runs do not.
    let markdown;
    return {
        result,
        report,
        failed: isFailing(report.summary, options.failOn),
        get markdown() {
            return (markdown ??= redactSecrets(markdown_formatMarkdown(report, {
                failOn: options.failOn,
                maxBytes: SUMMARY_MAX_BYTES,
                diagram: options.summaryDiagrams,
            }), secrets));
        },
        written,
        notWritten,
        ...(resolvedSettings ? { resolvedSettings } : {}),
    };
}
/** Why the resolved settings cannot be written (one line), or undefined when they can. */
async function resolvedSettingsBlocker(result, absTarget) {
    const { report } = result;
    const left = (await exists(absTarget))
        ? '; the file already there is left as it was and is not from this run'
        : '';
    if (report.summary.errors > 0) {
        return `the check found ${(0,common/* plural */.LS)(report.summary.errors, 'error')}, and pac would import these settings with them${left}`;
    }
    // Reachable only with SL001 or DS001 switched off.
    if (report.solutions.length !== 1)
        return `the solution could not be read${left}`;
    if (result.settingsFiles.length !== 1)
        return `the settings file is not usable${left}`;
    return undefined;
}

// EXTERNAL MODULE: ./src/core/json.ts + 6 modules
var json = __nccwpck_require__(8265);
;// CONCATENATED MODULE: ./src/core/settings-editor.ts



const settings_editor_SECTIONS = ['EnvironmentVariables', 'ConnectionReferences'];
const NAME_KEY = {
    EnvironmentVariables: 'SchemaName',
    ConnectionReferences: 'LogicalName',
};
function referenceEntry(ref) {
    return {
        name: ref.logicalName,
        members: [
            ['LogicalName', JSON.stringify(ref.logicalName)],
            ['ConnectionId', '""'],
            ['ConnectorId', JSON.stringify(ref.connectorId)],
        ],
    };
}
/**
 * `"Value": null`, not `""`: pac rejects the empty string (EV002), while null means "not set
 * here", so that the solution's default or current value applies (else EV001 says it is missing).
 */
function variableEntry(variable) {
    return {
        name: variable.schemaName,
        members: [
            ['SchemaName', JSON.stringify(variable.schemaName)],
            ['Value', 'null'],
        ],
    };
}
function byName(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x !== y)
        return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
function solutionEntries(solution) {
    return {
        ConnectionReferences: solution.connectionReferences
            .map(referenceEntry)
            .sort((a, b) => byName(a.name, b.name)),
        EnvironmentVariables: solution.environmentVariables
            .map(variableEntry)
            .sort((a, b) => byName(a.name, b.name)),
    };
}
/** The first of several definitions of a name (a solution should not have duplicates). */
function uniqueByName(entries) {
    const seen = new Set();
    return entries.filter((entry) => {
        const key = (0,helpers/* nameKey */.Rc)(entry.name);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------
// A fresh file: what `pac solution create-settings` writes (2-space JSON), with null values.
function renderFresh(entries, eol = '\n') {
    const lines = ['{'];
    settings_editor_SECTIONS.forEach((section, index) => {
        const comma = index < settings_editor_SECTIONS.length - 1 ? ',' : '';
        const items = entries[section];
        if (items.length === 0) {
            lines.push(`  "${section}": []${comma}`);
            return;
        }
        lines.push(`  "${section}": [`);
        items.forEach((item, i) => {
            lines.push('    {');
            item.members.forEach(([key, value], j) => {
                lines.push(`      "${key}": ${value}${j < item.members.length - 1 ? ',' : ''}`);
            });
            lines.push(`    }${i < items.length - 1 ? ',' : ''}`);
        });
        lines.push(`  ]${comma}`);
    });
    lines.push('}');
    return lines.join(eol) + eol;
}
// ---------------------------------------------------------------------------------------------
// Editing an existing file in place
/** The offset just after the JSON value that starts at `start` (the text is known to be valid). */
function valueEnd(text, start) {
    const first = text[start];
    if (first === '"') {
        let i = start + 1;
        while (i < text.length) {
            const ch = text[i];
            if (ch === '\\')
                i += 2;
            else if (ch === '"')
                return i + 1;
            else
                i++;
        }
        return text.length;
    }
    if (first === '{' || first === '[') {
        let depth = 0;
        let i = start;
        while (i < text.length) {
            const ch = text[i];
            if (ch === '"') {
                i = valueEnd(text, i);
                continue;
            }
            if (ch === '{' || ch === '[')
                depth++;
            else if (ch === '}' || ch === ']') {
                depth--;
                if (depth === 0)
                    return i + 1;
            }
            i++;
        }
        return text.length;
    }
    let i = start;
    while (i < text.length && !/[\s,\]}]/.test(text[i]))
        i++;
    return i;
}
/** The whitespace that starts the line holding `offset`. */
function lineIndent(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))[0];
}
/** True when only whitespace precedes `offset` on its line. */
function startsLine(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*$/.test(text.slice(lineStart, offset));
}
function detectFileStyle(text, root) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const compact = !text.slice(root.offset, valueEnd(text, root.offset)).includes('\n');
    let unit = '  ';
    const first = root.members[0];
    if (first && startsLine(text, first.keyOffset)) {
        const indent = lineIndent(text, first.keyOffset).slice(lineIndent(text, root.offset).length);
        if (indent.startsWith('\t'))
            unit = '\t';
        else if (indent.length > 0)
            unit = indent;
    }
    let colon = compact ? ':' : ': ';
    if (first)
        colon = text.slice(valueEnd(text, first.keyOffset), first.value.offset);
    return { eol, unit, compact, colon };
}
function styleFromEntry(text, entry, file) {
    if (entry.kind !== 'object' || entry.members.length === 0)
        return undefined;
    const end = valueEnd(text, entry.offset);
    const members = entry.members;
    const first = members[0];
    const last = members[members.length - 1];
    const colon = text.slice(valueEnd(text, first.keyOffset), first.value.offset);
    const multiline = text.slice(entry.offset, end).includes('\n');
    const itemIndent = lineIndent(text, entry.offset);
    const lastValueEnd = valueEnd(text, last.value.offset);
    return {
        multiline,
        itemIndent,
        memberIndent: startsLine(text, last.keyOffset)
            ? lineIndent(text, last.keyOffset)
            : itemIndent + file.unit,
        closeIndent: startsLine(text, end - 1) ? lineIndent(text, end - 1) : itemIndent,
        colon,
        open: text.slice(entry.offset + 1, first.keyOffset),
        memberSep: members.length > 1
            ? text.slice(valueEnd(text, first.value.offset), members[1].keyOffset)
            : file.compact
                ? ','
                : ', ',
        close: text.slice(lastValueEnd, end - 1),
    };
}
function defaultStyle(file, baseIndent) {
    const itemIndent = baseIndent + file.unit;
    return {
        multiline: !file.compact,
        itemIndent,
        memberIndent: itemIndent + file.unit,
        closeIndent: itemIndent,
        colon: file.colon,
        open: '',
        memberSep: file.compact ? ',' : ', ',
        close: '',
    };
}
function renderEntry(entry, style, eol) {
    const pairs = entry.members.map(([key, value]) => `"${key}"${style.colon}${value}`);
    if (!style.multiline)
        return `{${style.open}${pairs.join(style.memberSep)}${style.close}}`;
    return `{${eol}${pairs.map((pair) => style.memberIndent + pair).join(`,${eol}`)}${eol}${style.closeIndent}}`;
}
function planSection(text, root, key, wanted) {
    const member = (0,json/* findMember */.gz)(root.members, key);
    const defined = new Set(wanted.map((entry) => (0,helpers/* nameKey */.Rc)(entry.name)));
    const items = [];
    if (member && member.value.kind === 'array') {
        for (const value of member.value.items) {
            // parseSettings has checked the shape: every entry is an object with a string name.
            const nameMember = value.kind === 'object' ? (0,json/* findMember */.gz)(value.members, NAME_KEY[key]) : undefined;
            const name = nameMember && nameMember.value.kind === 'string' ? nameMember.value.value : '';
            items.push({
                start: value.offset,
                end: valueEnd(text, value.offset),
                name,
                keep: defined.has((0,helpers/* nameKey */.Rc)(name)),
                value,
            });
        }
    }
    const present = new Set(items.map((item) => (0,helpers/* nameKey */.Rc)(item.name)));
    return {
        key,
        member,
        items,
        added: wanted.filter((entry) => !present.has((0,helpers/* nameKey */.Rc)(entry.name))),
    };
}
/** The new text of a section's array (for a section whose array changes). */
function renderArray(text, plan, style, file, closeIndent) {
    const kept = plan.items.filter((item) => item.keep);
    const added = plan.added.map((entry) => renderEntry(entry, style, file.eol));
    if (kept.length === 0 && added.length === 0)
        return '[]';
    const arrayStart = plan.member?.value.offset;
    const items = plan.items;
    // Between entries: the file's own separator when there is one, else comma, line break, indent
    // (unless the entries share a line, or the whole file is on one line).
    const onePerLine = items.length > 0 ? startsLine(text, items[0].start) : !file.compact;
    const separator = items.length > 1
        ? text.slice(items[0].end, items[1].start)
        : onePerLine
            ? `,${file.eol}${style.itemIndent}`
            : file.compact
                ? ','
                : ', ';
    let leading;
    let trailing;
    if (arrayStart !== undefined && items.length > 0) {
        leading = text.slice(arrayStart + 1, items[0].start);
        trailing = text.slice(items[items.length - 1].end, valueEnd(text, arrayStart) - 1);
    }
    else if (file.compact) {
        leading = '';
        trailing = '';
    }
    else {
        leading = `${file.eol}${style.itemIndent}`;
        trailing = `${file.eol}${closeIndent}`;
    }
    let body = '';
    let previous = -1;
    items.forEach((item, index) => {
        if (!item.keep)
            return;
        if (body !== '') {
            // Keep the exact text between neighbours that both stay.
            body += previous === index - 1 ? text.slice(items[previous].end, item.start) : separator;
        }
        body += text.slice(item.start, item.end);
        previous = index;
    });
    for (const entry of added)
        body += (body === '' ? '' : separator) + entry;
    return `[${leading}${body}${trailing}]`;
}
/** The edited text of an existing, usable settings file, and what changed. */
function updateSettingsText(text, solution) {
    const root = (0,json/* parseJson */.qF)(text);
    if (root.kind !== 'object')
        throw new Error('updateSettingsText needs an object');
    const file = detectFileStyle(text, root);
    const wanted = solutionEntries(solution);
    const plans = settings_editor_SECTIONS.map((key) => planSection(text, root, key, uniqueByName(wanted[key])));
    // Entry style: from an entry of the section itself, else of the other section, else defaults.
    const rootIndent = lineIndent(text, root.offset);
    const memberIndent = root.members[0]
        ? startsLine(text, root.members[0].keyOffset)
            ? lineIndent(text, root.members[0].keyOffset)
            : rootIndent + file.unit
        : rootIndent + file.unit;
    const learnt = plans
        .map((plan) => plan.items.map((item) => styleFromEntry(text, item.value, file)).find(Boolean))
        .find(Boolean);
    const edits = [];
    for (const plan of plans) {
        const changed = plan.added.length > 0 || plan.items.some((item) => !item.keep);
        if (!changed)
            continue;
        const own = plan.items.map((item) => styleFromEntry(text, item.value, file)).find(Boolean);
        const sectionIndent = plan.member ? lineIndent(text, plan.member.keyOffset) : memberIndent;
        const style = own ?? learnt ?? defaultStyle(file, sectionIndent);
        if (plan.member) {
            const arrayStart = plan.member.value.offset;
            const arrayEnd = valueEnd(text, arrayStart);
            const interior = text.slice(arrayStart + 1, arrayEnd - 1);
            const newline = interior.lastIndexOf('\n');
            const closeIndent = newline === -1 ? sectionIndent : interior.slice(newline + 1);
            edits.push({
                start: arrayStart,
                end: arrayEnd,
                text: renderArray(text, plan, style, file, closeIndent),
            });
        }
        else {
            // A section the file does not have: EnvironmentVariables goes first, as pac writes it,
            // ConnectionReferences last.
            const array = renderArray(text, plan, style, file, memberIndent);
            const pair = `"${plan.key}"${file.colon}${array}`;
            const lineBreak = file.compact ? '' : `${file.eol}${memberIndent}`;
            if (plan.key === 'EnvironmentVariables' && root.members[0]) {
                const at = root.members[0].keyOffset;
                edits.push({ start: at, end: at, text: `${pair},${lineBreak}` });
            }
            else {
                const last = root.members[root.members.length - 1];
                const at = valueEnd(text, last.value.offset);
                edits.push({ start: at, end: at, text: `,${lineBreak}${pair}` });
            }
        }
    }
    let result = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    }
    const names = (pick) => ({
        connectionReferences: pick(plans[1]),
        environmentVariables: pick(plans[0]),
    });
    const distinct = (list) => {
        const seen = new Set();
        return list.filter((name) => !seen.has((0,helpers/* nameKey */.Rc)(name)) && seen.add((0,helpers/* nameKey */.Rc)(name)));
    };
    return {
        text: result,
        added: names((plan) => plan.added.map((entry) => entry.name)),
        kept: names((plan) => distinct(plan.items.filter((i) => i.keep).map((i) => i.name))),
        removed: names((plan) => distinct(plan.items.filter((i) => !i.keep).map((i) => i.name))),
    };
}
function detectEncoding(bytes) {
    const { encoding, start } = (0,core_text/* detectEncoding */.X0)(bytes);
    return { name: encoding, bom: start > 0 };
}
function encode(text, encoding) {
    const body = encoding.bom ? `\ufeff${text}` : text;
    if (encoding.name === 'utf8')
        return new TextEncoder().encode(body);
    const bytes = Buffer.from(body, 'utf16le');
    if (encoding.name === 'utf16be')
        bytes.swap16();
    return bytes;
}

;// CONCATENATED MODULE: ./src/core/init.ts
// `connref-gate init`: writes a pac deployment-settings file for a solution, or brings an existing
// one in step with it. Existing files are edited in place, not re-serialized: every kept entry,
// every value, unknown keys (ConnectionOwner, `$schema`), the indentation, key spacing, line
// endings, BOM and final newline stay byte for byte, so the diff in a pull request shows only the
// entries that were added or removed. Names are printed, never values.









const DEFAULT_SETTINGS_FILE = 'deploymentSettings.json';
class InitSolutionError extends Error {
    name = 'InitSolutionError';
}
// ---------------------------------------------------------------------------------------------
// The command
const emptyNames = () => ({ connectionReferences: [], environmentVariables: [] });
function isEmptyChange(result) {
    return (result.added.connectionReferences.length +
        result.added.environmentVariables.length +
        result.removed.connectionReferences.length +
        result.removed.environmentVariables.length ===
        0);
}
/**
 * Writes or updates the settings file(s) for one solution (SPEC section 3). Throws UsageError
 * for bad options and paths, InitSolutionError when the solution cannot be read. An unusable
 * settings file (DS001) is reported in its result and left untouched.
 */
async function init(options) {
    const cwd = (0,external_node_path_.resolve)(options.cwd ?? process.cwd());
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const patterns = options.solution.filter((p) => p.trim() !== '');
    if (patterns.length === 0) {
        throw new errors/* UsageError */.e('missing --solution: give the one solution to write settings for');
    }
    const targets = await findSolutions(patterns, cwd);
    if (targets.length !== 1) {
        const listed = targets
            .slice(0, 5)
            .map((t) => t.reportPath)
            .join(', ');
        throw new errors/* UsageError */.e(targets.length === 0
            ? `no solution found in ${patterns.join(', ')}: give an unpacked solution folder or a solution zip`
            : `init writes settings for one solution at a time, but ${targets.length} were found (${listed}${targets.length > 5 ? ', …' : ''}): name one`);
    }
    const target = targets[0];
    // Settings paths: literal paths may not exist yet (they are created); globs must match.
    const settingsPatterns = (options.settings ?? []).filter((p) => p.trim() !== '');
    const absPaths = new Set();
    for (const pattern of settingsPatterns.length > 0 ? settingsPatterns : [DEFAULT_SETTINGS_FILE]) {
        if (hasGlobMagic(pattern.trim())) {
            for (const path of await expandPaths([pattern], cwd, 'settings file'))
                absPaths.add(path);
        }
        else {
            absPaths.add((0,external_node_path_.resolve)(cwd, pattern.trim()));
        }
    }
    for (const absPath of absPaths) {
        const where = toReportPath(absPath, cwd);
        if (target.kind === 'folder' ? isInside(absPath, target.absPath) : absPath === target.absPath) {
            throw new errors/* UsageError */.e(`refusing to write the settings file ${where} inside the solution ${target.reportPath}: choose a path outside it`);
        }
        if ((await lstatOrUndefined(absPath))?.isDirectory()) {
            throw new errors/* UsageError */.e(`settings file ${where} is a folder: name a JSON file`);
        }
    }
    const read = await readSolution(target, limits);
    if (!read.ok)
        throw new InitSolutionError(read.unreadable.reason);
    const solution = read.solution;
    const files = [];
    for (const absPath of [...absPaths].sort()) {
        files.push(await initFile(absPath, toReportPath(absPath, cwd), solution, options.check ?? false));
    }
    return {
        solution: { uniqueName: solution.uniqueName, version: solution.version, path: solution.path },
        files,
    };
}
async function initFile(absPath, reportPath, solution, checkOnly) {
    const stats = await lstatOrUndefined(absPath);
    let bytes;
    if (stats) {
        const unusable = (reason) => ({
            path: reportPath,
            status: 'unusable',
            reason,
            added: emptyNames(),
            kept: emptyNames(),
            removed: emptyNames(),
            written: false,
        });
        // Read once: the bytes that were parsed are the bytes that are edited.
        const raw = await (0,core_settings/* readSettingsBytes */.pV)(absPath, reportPath);
        if ('unusable' in raw)
            return unusable(raw.unusable.reason);
        const parsed = (0,core_settings/* parseSettings */.P$)(raw.bytes, reportPath);
        if (!('unusable' in parsed))
            bytes = raw.bytes;
        // Nothing to lose in a file that holds only whitespace: it is written like a new one.
        else if ((0,core_text/* decodeText */.g7)(raw.bytes).trim() !== '')
            return unusable(parsed.unusable.reason);
    }
    if (bytes === undefined) {
        const entries = solutionEntries(solution);
        entries.ConnectionReferences = uniqueByName(entries.ConnectionReferences);
        entries.EnvironmentVariables = uniqueByName(entries.EnvironmentVariables);
        const result = {
            path: reportPath,
            status: 'created',
            added: {
                connectionReferences: entries.ConnectionReferences.map((e) => e.name),
                environmentVariables: entries.EnvironmentVariables.map((e) => e.name),
            },
            kept: emptyNames(),
            removed: emptyNames(),
            written: false,
        };
        if (!checkOnly) {
            await writeSettings(absPath, reportPath, new TextEncoder().encode(renderFresh(entries)));
            result.written = true;
        }
        return result;
    }
    const encoding = detectEncoding(bytes);
    const text = (0,core_text/* decodeText */.g7)(bytes);
    const updated = updateSettingsText(text, solution);
    const changed = !isEmptyChange(updated) && updated.text !== text;
    const result = {
        path: reportPath,
        status: changed ? 'updated' : 'unchanged',
        added: updated.added,
        kept: updated.kept,
        removed: updated.removed,
        written: false,
    };
    if (changed && !checkOnly) {
        await writeSettings(absPath, reportPath, encode(updated.text, encoding));
        result.written = true;
    }
    return result;
}
async function writeSettings(absPath, reportPath, bytes) {
    try {
        // Not through a link or into a FIFO that a pull request placed at the path.
        await writeRegularFile(absPath, bytes);
    }
    catch (error) {
        const code = error.code ?? 'error';
        throw new errors/* UsageError */.e(`cannot write ${reportPath} (${code}): check the path and permissions`);
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/core/online/endpoints.ts
var endpoints = __nccwpck_require__(2241);
;// CONCATENATED MODULE: ./src/ado/online.ts
// The task's online settings: a Power Platform service connection (type powerplatform-spn, the
// one Power Platform Build Tools uses) and the options of the online checks. Secrets are
// registered with the agent's masker the moment they are read, before anything can log them.





/**
 * The inputs that only mean something with a service connection, with their task.json defaults
 * (lower case): the agent fills in a default for every input a pipeline leaves out.
 */
const ONLINE_INPUTS = {
    environmentUrl: '',
    online: 'warn',
    cloud: 'auto',
    environmentId: '',
    onlineTimeout: '60',
};
const SERVICE_CONNECTION_INPUT = 'powerPlatformSPN';
/**
 * The job's access token: the `SystemVssConnection` endpoint the agent always provides, else
 * `System.AccessToken` mapped into the environment. Masked as soon as it is read. The pull-request
 * thread and workload identity federation both use it.
 */
function systemAccessToken() {
    let token;
    try {
        // getEndpointAuthorization logs only whether the endpoint exists, never the token.
        token = task.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.['AccessToken'];
    }
    catch {
        token = undefined;
    }
    token ||= process.env['SYSTEM_ACCESSTOKEN'] || undefined;
    if (token)
        task.setSecret(token);
    return token;
}
/**
 * The credential of a powerplatform-spn service connection: scheme `None` (tenantId,
 * applicationId, clientSecret) or `WorkloadIdentityFederation` (tenantid, serviceprincipalid,
 * with the job's token for the OIDC exchange). Read through getEndpointAuthorization, which logs
 * only whether the endpoint exists (getEndpointAuthorizationParameter debug-logs the value).
 */
function serviceConnectionCredential(id) {
    let authorization;
    try {
        authorization = task.getEndpointAuthorization(id, true);
    }
    catch {
        // Its message would quote the value: say only what is wrong.
        throw new errors/* UsageError */.e(`the service connection in '${SERVICE_CONNECTION_INPUT}' has authorization data that is not JSON`);
    }
    if (!authorization) {
        throw new errors/* UsageError */.e(`the service connection '${id}' in '${SERVICE_CONNECTION_INPUT}' has no authorization: authorize the pipeline to use it`);
    }
    const parameters = authorization.parameters ?? {};
    const parameter = (...names) => {
        for (const name of names) {
            const key = Object.keys(parameters).find((k) => k.toLowerCase() === name.toLowerCase());
            const value = key === undefined ? undefined : parameters[key]?.trim();
            if (value)
                return value;
        }
        return undefined;
    };
    // Masked first: nothing below may log it before the agent knows it is a secret.
    const secret = parameter('clientSecret');
    if (secret)
        task.setSecret(secret);
    const scheme = (authorization.scheme ?? '').trim();
    const lacking = (names) => new errors/* UsageError */.e(`the service connection in '${SERVICE_CONNECTION_INPUT}' (scheme ${scheme || 'None'}) lacks ${names.join(' and ')}: edit it in the project settings`);
    if (/^workloadidentityfederation$/i.test(scheme)) {
        const tenantId = parameter('tenantid');
        const clientId = parameter('serviceprincipalid');
        const missing = [!tenantId && 'tenantid', !clientId && 'serviceprincipalid'].filter((name) => typeof name === 'string');
        if (missing.length > 0)
            throw lacking(missing);
        const token = systemAccessToken();
        if (!token) {
            return {
                kind: 'none',
                why: 'workload identity federation needs the job access token (SystemVssConnection), which the agent did not provide',
            };
        }
        return {
            kind: 'azure-pipelines',
            tenantId: tenantId,
            clientId: clientId,
            serviceConnectionId: id,
            systemAccessToken: token,
        };
    }
    if (/^managedserviceidentity$/i.test(scheme)) {
        // Build Tools' scheme: the agent's own (system-assigned) identity, as `pac auth create
        // --managedIdentity` uses it; the connection holds no client id.
        return { kind: 'managed-identity' };
    }
    const tenantId = parameter('tenantId');
    const clientId = parameter('applicationId');
    const missing = [
        !tenantId && 'tenantId',
        !clientId && 'applicationId',
        !secret && 'clientSecret',
    ].filter((name) => typeof name === 'string');
    if (missing.length > 0)
        throw lacking(missing);
    return { kind: 'client-secret', tenantId: tenantId, clientId: clientId, clientSecret: secret };
}
/**
 * The agent's proxy (Agent.ProxyUrl, its credentials and bypass list): a self-hosted agent's
 * proxy is in these variables, not in HTTPS_PROXY. Read from the environment as task-lib's
 * getHttpProxyConfiguration reads them, but without it: it debug-logs the password in plain
 * before anything could mask it.
 */
function agentProxy() {
    const variable = (name) => process.env[name]?.trim() || undefined;
    const password = process.env['AGENT_PROXYPASSWORD'] || undefined;
    if (password)
        task.setSecret(password);
    const proxyUrl = variable('AGENT_PROXYURL');
    if (!proxyUrl)
        return undefined;
    let url;
    try {
        url = new URL(proxyUrl);
    }
    catch {
        throw new errors/* UsageError */.e("the agent's proxy URL (Agent.ProxyUrl) does not parse: fix the agent's proxy settings");
    }
    // The URL setters percent-encode what a user name or password may hold (@, :, /, \\).
    const user = variable('AGENT_PROXYUSERNAME');
    if (user)
        url.username = user;
    if (user && password)
        url.password = password;
    if (url.password)
        task.setSecret(url.password);
    let patterns;
    try {
        patterns = JSON.parse(variable('AGENT_PROXYBYPASSLIST') ?? '[]');
    }
    catch {
        patterns = [];
    }
    const bypass = (Array.isArray(patterns) ? patterns : []).flatMap((pattern) => {
        try {
            return typeof pattern === 'string' ? [new RegExp(pattern, 'i')] : [];
        }
        catch {
            return [];
        }
    });
    return { url: url.href, bypass };
}
/** The CA certificates the agent is told to trust (Agent.CAInfo), for a TLS-inspecting proxy. */
function agentCa() {
    const file = task.getVariable('Agent.CAInfo')?.trim();
    if (!file)
        return undefined;
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        throw new errors/* UsageError */.e(`the agent's CA file ${file} (Agent.CAInfo) cannot be read: fix the agent's certificate settings`);
    }
}
/**
 * The online options, or undefined without a service connection. An online input without one is
 * a UsageError: the check would silently not run.
 */
function readOnlineSettings(command, input) {
    const connection = input(SERVICE_CONNECTION_INPUT);
    if (!connection) {
        const stray = (0,online_options/* strayOnlineInput */.n_)(ONLINE_INPUTS, input);
        if (stray) {
            throw new errors/* UsageError */.e(`input '${stray}' is for the online checks: give '${SERVICE_CONNECTION_INPUT}', a Power Platform service connection to the target environment`);
        }
        return undefined;
    }
    if (command === 'init-check') {
        throw new errors/* UsageError */.e(`input '${SERVICE_CONNECTION_INPUT}' is for command 'check': 'init --check' compares the settings with the solution and asks no environment`);
    }
    const credential = serviceConnectionCredential(connection);
    const givenUrl = input('environmentUrl');
    const environmentUrl = givenUrl ?? task.getEndpointUrl(connection, true)?.trim();
    if (!environmentUrl) {
        throw new errors/* UsageError */.e(`the service connection in '${SERVICE_CONNECTION_INPUT}' has no server URL: set it to the environment URL, or give 'environmentUrl'`);
    }
    const mode = (0,online_options/* parseOnlineMode */.qi)(input('online'), 'online');
    const cloudText = input('cloud');
    const timeoutMs = (0,online_options/* parseOnlineTimeout */.KF)(input('onlineTimeout'), 'onlineTimeout');
    const environmentId = input('environmentId');
    const proxy = agentProxy();
    const ca = agentCa();
    return {
        environmentUrl: environmentUrl.replace(/\/+$/, ''),
        environmentOption: givenUrl ? "input 'environmentUrl'" : 'the service connection URL',
        mode,
        ...(cloudText &&
            cloudText.toLowerCase() !== 'auto' && { cloud: (0,endpoints/* parseCloud */.lw)(cloudText, "input 'cloud'") }),
        ...(environmentId && { environmentId }),
        ...(timeoutMs !== undefined && { timeoutMs }),
        credential,
        env: process.env,
        ...(proxy && { proxy }),
        ...(ca && { ca }),
    };
}

;// CONCATENATED MODULE: ./src/ado/inputs.ts
// The one place that reads the task's inputs and the agent's variables. Everything else in the
// adapter works from the typed TaskSettings this returns.






/** A multiLine input: trimmed, without empty lines and `#` comment lines. */
function lines(name) {
    return inputLines(task.getInput(name, false));
}
function optionalInput(name) {
    const value = task.getInput(name, false)?.trim();
    return value ? value : undefined;
}
function variable(name) {
    const value = task.getVariable(name)?.trim();
    return value ? value : undefined;
}
function isSamePath(a, b) {
    const norm = (p) => (0,external_node_path_.resolve)(p).replace(/[\\/]+$/, '');
    return process.platform === 'win32'
        ? norm(a).toLowerCase() === norm(b).toLowerCase()
        : norm(a) === norm(b);
}
function readPullRequest() {
    const id = variable('System.PullRequest.PullRequestId');
    if (id === undefined)
        return undefined;
    const collection = variable('System.TeamFoundationCollectionUri') ??
        variable('System.CollectionUri') ??
        task.getEndpointUrl('SystemVssConnection', true);
    const projectName = variable('System.TeamProject');
    const project = variable('System.TeamProjectId') ?? projectName;
    const repositoryId = variable('Build.Repository.ID');
    const buildId = variable('Build.BuildId');
    const collectionUri = collection
        ? collection.endsWith('/')
            ? collection
            : `${collection}/`
        : '';
    return {
        id,
        collectionUri,
        project: project ?? '',
        repositoryId: repositoryId ?? '',
        token: systemAccessToken(),
        provider: variable('Build.Repository.Provider'),
        runUrl: collectionUri && project && buildId
            ? `${collectionUri}${encodeURIComponent(projectName ?? project)}/_build/results?buildId=${encodeURIComponent(buildId)}`
            : undefined,
    };
}
/**
 * Placeholder values: the process environment, plus secret pipeline variables, which the agent
 * hands to tasks encrypted (task-lib keeps them out of process.env). Public variables are already
 * in the environment under their `A_B` names; a secret one is fetched only when a placeholder
 * asks for it, so no value is ever enumerated or logged.
 */
function substitutionEnv() {
    const base = { ...process.env };
    const secretCache = new Map();
    const secret = (name) => {
        const key = name.replace(/[.\s]/g, '_').toUpperCase();
        if (key === '' || Object.hasOwn(base, key))
            return undefined;
        if (!secretCache.has(key)) {
            let value;
            try {
                value = task.getVariable(name);
            }
            catch {
                value = undefined;
            }
            secretCache.set(key, value || undefined);
        }
        return secretCache.get(key);
    };
    return new Proxy(base, {
        get(target, name) {
            if (typeof name !== 'string')
                return undefined;
            return Object.hasOwn(target, name) ? target[name] : secret(name);
        },
        has(target, name) {
            return (typeof name === 'string' && (Object.hasOwn(target, name) || secret(name) !== undefined));
        },
        getOwnPropertyDescriptor(target, name) {
            if (typeof name !== 'string')
                return undefined;
            if (Object.hasOwn(target, name))
                return Object.getOwnPropertyDescriptor(target, name);
            const value = secret(name);
            return value === undefined
                ? undefined
                : { value, writable: false, enumerable: false, configurable: true };
        },
    });
}
/** Reads and validates every input. Throws UsageError with one line for a bad input. */
function readTaskSettings() {
    const command = parseCommand(optionalInput('command') ?? '', 'command', 'a pipeline');
    const sources = variable('Build.SourcesDirectory') ?? variable('System.DefaultWorkingDirectory');
    const root = (0,external_node_path_.resolve)(sources ?? process.cwd());
    const base = pathBase(root, optionalInput('workingDirectory') ?? '', 'workingDirectory');
    const { cwd } = base;
    const solutions = requireSolutions(lines('solution'), 'solution');
    // `settings` is a filePath input: the agent roots a relative value at the repository root and
    // hands an empty one over as the repository root itself, which therefore means "not given".
    const emptyMeans = [root, variable('System.DefaultWorkingDirectory')].filter((path) => path !== undefined);
    let settings = lines('settings')
        .filter((path) => !emptyMeans.some((empty) => isSamePath((0,external_node_path_.resolve)(root, path), empty)))
        .map((path) => ((0,external_node_path_.isAbsolute)(path) || cwd === root ? path : (0,external_node_path_.resolve)(root, path)));
    if (command === 'init-check') {
        // Like `connref-gate init`: the file in the working directory.
        if (settings.length === 0)
            settings = [base.toCorePattern(DEFAULT_SETTINGS_FILE)];
        for (const name of ['sarifFile', 'resolvedSettings']) {
            if (optionalInput(name) !== undefined)
                throw notForInitCheck(name);
        }
    }
    const settingsPerSolution = lines('settingsPerSolution');
    if (command === 'init-check' && settingsPerSolution.length > 0) {
        throw notForInitCheck('settingsPerSolution');
    }
    const placeholders = parsePlaceholders(optionalInput('placeholders') ?? '', 'placeholders');
    const rules = parseRulesInput(lines('rules'), 'rules');
    const outputPath = (name) => {
        const value = optionalInput(name);
        return value === undefined ? undefined : (0,external_node_path_.resolve)(base.workingDirectory, value);
    };
    const failOn = parseFailOn(optionalInput('failOn') ?? '', 'failOn');
    const sarifFile = outputPath('sarifFile');
    const resolvedSettings = outputPath('resolvedSettings');
    const commentOnPullRequest = parseBoolean(optionalInput('commentOnPullRequest') ?? '', 'commentOnPullRequest', true);
    // The service connection's secret is masked as it is read, before the gate logs anything.
    const online = readOnlineSettings(command, optionalInput);
    return {
        command,
        workingDirectory: base.workingDirectory,
        cwd,
        solutions: solutions.map(base.toCorePattern),
        settings,
        // Relative to each solution's folder, not to the working directory: passed as given.
        settingsPerSolution,
        placeholders,
        failOn,
        rules,
        sarifFile,
        resolvedSettings,
        commentOnPullRequest,
        // init --check never comments: no token is read for it.
        pullRequest: commentOnPullRequest && command === 'check' ? readPullRequest() : undefined,
        tempDirectory: variable('Agent.TempDirectory') ?? (0,external_node_os_.tmpdir)(),
        env: substitutionEnv(),
        ...(online && { online }),
    };
}

;// CONCATENATED MODULE: ./src/ado/pr-thread.ts
// One pull-request thread per PR, created once and then updated in place, through the Azure
// DevOps REST API (api-version 7.1) with the job's access token. Never throws: every failure
// becomes a `failed` outcome for the caller to warn about, since the gate result must not depend
// on the comment.
/** Azure DevOps limits a comment's content; keep well below it. */
const MAX_CONTENT = 150_000;
class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** Thread status codes as the API may return them numerically. */
const STATUS_NAMES = ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'];
function statusName(status) {
    if (typeof status === 'number')
        return STATUS_NAMES[status] ?? 'unknown';
    return status ?? 'unknown';
}
function truncate(content) {
    if (content.length <= MAX_CONTENT)
        return content;
    return `${content.slice(0, MAX_CONTENT - 200)}\n\n… (truncated: see the run's Extensions tab for the full report)`;
}
class Client {
    target;
    fetch;
    timeoutMs;
    constructor(target, options) {
        this.target = target;
        this.fetch = options.fetch ?? globalThis.fetch;
        this.timeoutMs = options.timeoutMs ?? 30_000;
    }
    get threadsUrl() {
        const t = this.target;
        return (`${t.collectionUri}${encodeURIComponent(t.project)}/_apis/git/repositories/` +
            `${encodeURIComponent(t.repositoryId)}/pullRequests/${encodeURIComponent(t.pullRequestId)}/threads`);
    }
    async request(method, url, body, apiVersion = '7.1') {
        const separator = url.includes('?') ? '&' : '?';
        const versioned = apiVersion ? `${url}${separator}api-version=${apiVersion}` : url;
        const response = await this.fetch(versioned, {
            method,
            headers: {
                Authorization: `Bearer ${this.target.token}`,
                Accept: 'application/json',
                ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(this.timeoutMs),
        });
        const text = await response.text();
        if (!response.ok) {
            throw new HttpError(response.status, `HTTP ${response.status} ${response.statusText}`.trim());
        }
        // A rejected token gets 203 and a sign-in page instead of 401.
        if (response.status === 203 || !/json/i.test(response.headers.get('content-type') ?? '')) {
            throw new HttpError(401, `HTTP ${response.status}: not a JSON answer (the access token was not accepted)`);
        }
        return (text ? JSON.parse(text) : {});
    }
    /** The identity behind the token, to tell the tool's own comment from a copied marker. */
    async me() {
        try {
            const data = await this.request('GET', `${this.target.collectionUri}_apis/connectionData`, undefined, 
            // A preview resource: without a version the server answers with its current one.
            '');
            return data.authenticatedUser?.id || undefined;
        }
        catch {
            return undefined;
        }
    }
}
function findExisting(threads, marker, me) {
    const sorted = [...threads].sort((a, b) => a.id - b.id);
    for (const thread of sorted) {
        if (thread.isDeleted)
            continue;
        for (const comment of thread.comments ?? []) {
            if (comment.isDeleted || !comment.content?.includes(marker))
                continue;
            if (me !== undefined && comment.author?.id !== undefined && comment.author.id !== me)
                continue;
            return { thread, comment };
        }
    }
    return undefined;
}
function describeFailure(error, pullRequestId) {
    if (error instanceof HttpError) {
        if (error.status === 401 || error.status === 403) {
            return {
                kind: 'failed',
                status: error.status,
                message: `could not comment on pull request ${pullRequestId} (${error.message}): give the project's ` +
                    `Build Service identity "Contribute to pull requests" on the repository; the gate result stands`,
            };
        }
        return {
            kind: 'failed',
            status: error.status,
            message: `could not comment on pull request ${pullRequestId} (${error.message}); the gate result stands`,
        };
    }
    let reason = String(error);
    if (error instanceof Error) {
        // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, a TLS error...) in `cause`.
        const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
        reason = error.name === 'TimeoutError' ? 'the request timed out' : `${error.message}${cause}`;
    }
    return {
        kind: 'failed',
        message: `could not comment on pull request ${pullRequestId} (${reason}); the gate result stands`,
    };
}
/** Creates the tool's thread on the pull request, or updates its comment in place. */
async function upsertPullRequestComment(target, options) {
    const client = new Client(target, options);
    try {
        const me = await client.me();
        const list = await client.request('GET', client.threadsUrl);
        const existing = findExisting(list.value ?? [], options.marker, me);
        const content = truncate(options.render(existing?.comment.content));
        if (existing === undefined) {
            const created = await client.request('POST', client.threadsUrl, {
                comments: [{ parentCommentId: 0, content, commentType: 1 }],
                status: options.failing ? 'active' : 'closed',
            });
            return { kind: 'created', threadId: created.id, commentId: created.comments?.[0]?.id ?? 1 };
        }
        const { thread, comment } = existing;
        const threadUrl = `${client.threadsUrl}/${thread.id}`;
        let changed = false;
        if (comment.content !== content) {
            await client.request('PATCH', `${threadUrl}/comments/${comment.id}`, { content });
            changed = true;
        }
        const current = statusName(thread.status);
        const wanted = options.failing ? 'active' : current === 'active' ? 'fixed' : current;
        if (wanted !== current) {
            await client.request('PATCH', threadUrl, { status: wanted });
            changed = true;
        }
        return { kind: changed ? 'updated' : 'unchanged', threadId: thread.id, commentId: comment.id };
    }
    catch (error) {
        return describeFailure(error, target.pullRequestId);
    }
}

;// CONCATENATED MODULE: ./src/ado/main.ts
// The Azure Pipelines task: a thin adapter over the core gate (and `init --check`). It maps the
// outcome to logging commands (issues, summary, output variables, result) and a pull-request
// thread.













/** Registers every secret with the agent's masker; a multi-line value is masked line by line. */
function maskSecrets(secrets) {
    for (const part of secretParts(secrets)) {
        if (!/[\r\n]/.test(part))
            task.setSecret(part);
    }
}
/**
 * Replaces secrets in text the agent does not mask itself (the summary attachment, the PR
 * comment) and in issue messages, with the core's rule (values too short to be told apart from
 * ordinary text are left alone). The core never puts secrets there; this is the second lock.
 */
function redact(text, secrets) {
    return redactSecrets(text, secretParts(secrets));
}
function logFinding(finding, report, secrets) {
    const parts = [`${finding.ruleId}: ${finding.message}`];
    if (report.solutions.length > 1 && finding.solution)
        parts.push(`(solution ${finding.solution})`);
    if (finding.settings)
        parts.push(`(settings ${finding.settings})`);
    let path;
    let line;
    let column;
    const location = finding.location;
    if (location) {
        const zipSplit = location.file.indexOf('!/');
        if (zipSplit >= 0) {
            // An entry inside a zip: point at the zip, and say where inside it.
            path = location.file.slice(0, zipSplit);
            parts.push(`(at ${location.file}${location.line ? `:${location.line}` : ''})`);
        }
        else {
            path = location.file;
            line = location.line;
            column = location.column;
        }
    }
    const message = redact(parts.join(' '), secrets);
    if (finding.severity === 'note') {
        const where = path ? ` [${path}${line ? `:${line}` : ''}]` : '';
        console.log(`note ${message}${where}`);
        return;
    }
    const type = finding.severity === 'error' ? task.IssueType.Error : task.IssueType.Warning;
    task.logIssue(type, message, path, line, column, finding.ruleId);
}
function logReport(outcome) {
    const { report, secrets } = outcome.result;
    console.log(`connref-gate ${report.tool.version}: checked ${(0,common/* plural */.LS)(report.solutions.length, 'solution')}: ` +
        (0,common/* summaryText */.g5)(report.summary));
    for (const finding of (0,common/* bySeverity */.Np)(report.findings))
        logFinding(finding, report, secrets);
}
function writeSummary(markdown, directory) {
    // The summary section on the run's Extensions tab is titled with the file name.
    const file = (0,external_node_path_.join)(directory, 'connref-gate.md');
    (0,external_node_fs_.writeFileSync)(file, markdown, { mode: 0o600 });
    task.uploadSummary(file);
    return file;
}
function setOutputs(outcome, reportFile) {
    const { summary } = outcome.result.report;
    const output = (name, value) => task.setVariable(name, value, false, true);
    output('result', outcome.failed ? 'fail' : 'pass');
    output('errors', String(summary.errors));
    output('warnings', String(summary.warnings));
    output('notes', String(summary.notes));
    output('report', reportFile ?? '');
    output('sarifFile', outcome.written.sarifFile ?? '');
    output('resolvedSettings', outcome.written.resolvedSettings ?? '');
}
async function commentOnPullRequest(outcome, settings) {
    const pr = settings.pullRequest;
    if (!pr)
        return;
    if (pr.provider && pr.provider.toLowerCase() !== 'tfsgit') {
        console.log(`Pull request comments are posted on Azure Repos only (this repository's provider is ${pr.provider}); no comment.`);
        return;
    }
    if (!pr.collectionUri || !pr.project || !pr.repositoryId) {
        task.warning('could not comment on the pull request: the agent did not provide the collection, project or repository; the gate result stands');
        return;
    }
    if (!pr.token) {
        task.warning('could not comment on the pull request: the job has no access token (SystemVssConnection); the gate result stands');
        return;
    }
    const { report, secrets } = outcome.result;
    const result = await upsertPullRequestComment({
        collectionUri: pr.collectionUri,
        project: pr.project,
        repositoryId: pr.repositoryId,
        pullRequestId: pr.id,
        token: pr.token,
    }, {
        marker: COMMENT_MARKER,
        failing: outcome.failed,
        render: (previousBody) => redact(formatPullRequestComment(report, {
            failOn: settings.failOn,
            previousBody,
            runUrl: pr.runUrl,
            maxLength: AZURE_DEVOPS_COMMENT_BUDGET,
            // Azure DevOps renders Mermaid only in wikis: in a comment it would be raw source.
            diagram: false,
        }), secrets),
    });
    switch (result.kind) {
        case 'created':
            console.log(`Commented on pull request ${pr.id} (thread ${result.threadId}).`);
            break;
        case 'updated':
            console.log(`Updated the comment on pull request ${pr.id} (thread ${result.threadId}).`);
            break;
        case 'unchanged':
            console.log(`The comment on pull request ${pr.id} is up to date (thread ${result.threadId}).`);
            break;
        case 'failed':
            task.warning(result.message);
            break;
    }
}
function setTaskResult(outcome, failOn) {
    const summary = outcome.result.report.summary;
    const { errors, warnings } = summary;
    if (outcome.failed) {
        task.setResult(task.TaskResult.Failed, `connref-gate: ${failReason(summary, failOn, 'failOn')}`);
    }
    else if (errors + warnings > 0) {
        task.setResult(task.TaskResult.SucceededWithIssues, `connref-gate: ${(0,common/* plural */.LS)(errors, 'error')}, ${(0,common/* plural */.LS)(warnings, 'warning')}, below failOn=${failOn}`);
    }
    else {
        task.setResult(task.TaskResult.Succeeded, 'connref-gate: no errors or warnings');
    }
}
/**
 * `command: init --check`: fails when a settings file is out of step with the solution (or cannot
 * be read), with the changes init would make in the log, an error issue on each such file and the
 * summary. Writes nothing, sets only the `result` output, and does not comment.
 */
async function runInitCheck(settings) {
    let result;
    try {
        result = await init({
            solution: settings.solutions,
            settings: settings.settings,
            cwd: settings.cwd,
            check: true,
        });
    }
    catch (error) {
        if (error instanceof InitSolutionError)
            task.setVariable('result', 'fail', false, true);
        throw error;
    }
    // An error line (a file init cannot read) becomes an issue on that file.
    for (const line of formatInitText(result, true)) {
        if (line.stream === 'stderr')
            task.logIssue(task.IssueType.Error, line.text, line.file);
        else
            console.log(line.text);
    }
    const outOfStep = initOutOfStepFiles(result);
    for (const file of outOfStep) {
        if (file.status === 'unusable')
            continue; // its error line is above
        task.logIssue(task.IssueType.Error, initOutOfStepMessage(result, file), file.path);
    }
    const directory = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(settings.tempDirectory, 'connref-gate-'));
    writeSummary(formatInitMarkdown(result), directory);
    task.setVariable('result', outOfStep.length > 0 ? 'fail' : 'pass', false, true);
    task.setResult(outOfStep.length > 0 ? task.TaskResult.Failed : task.TaskResult.Succeeded, initCheckVerdict(result));
}
/** The task. Never throws: every problem ends as the task result, in one line. */
async function run() {
    try {
        const settings = readTaskSettings();
        if (settings.command === 'init-check') {
            await runInitCheck(settings);
            return;
        }
        const outputDirectory = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(settings.tempDirectory, 'connref-gate-'));
        const reportFile = (0,external_node_path_.join)(outputDirectory, 'connref-gate.json');
        const outcome = await runGate({
            solutions: settings.solutions,
            settings: settings.settings,
            settingsPerSolution: settings.settingsPerSolution,
            placeholders: settings.placeholders,
            cwd: settings.cwd,
            env: settings.env,
            rules: settings.rules,
            failOn: settings.failOn,
            sarifFile: settings.sarifFile,
            reportFile,
            resolvedSettingsFile: settings.resolvedSettings,
            // Azure DevOps renders Mermaid only in wikis: in the summary it would be raw source.
            summaryDiagrams: false,
            ...(settings.online && { online: settings.online }),
        });
        // Before anything else is logged: every value that came from a substitution.
        const { secrets } = outcome.result;
        maskSecrets(secrets);
        if (outcome.result.online) {
            console.log(redact(onlineSummaryText(outcome.result.online), secrets));
        }
        logReport(outcome);
        // Where the resolved settings went and how many entries they hold: never their content.
        const resolved = resolvedSettingsNote(outcome, settings.resolvedSettings);
        if (resolved?.written)
            console.log(redact(resolved.text, secrets));
        else if (resolved)
            task.warning(redact(resolved.text, secrets));
        writeSummary(redact(outcome.markdown, secrets), outputDirectory);
        setOutputs(outcome, outcome.written.reportFile);
        if (settings.commentOnPullRequest)
            await commentOnPullRequest(outcome, settings);
        setTaskResult(outcome, settings.failOn);
    }
    catch (error) {
        if (!(error instanceof errors/* UsageError */.e))
            task.debug(error instanceof Error ? String(error.stack) : String(error));
        const message = (0,errors/* errorMessage */.g)(error).split(/\r?\n/)[0] ?? '';
        task.setResult(task.TaskResult.Failed, `connref-gate: ${message}`);
    }
}

;// CONCATENATED MODULE: ./src/ado/index.ts
// Entry point of the Azure Pipelines task (bundled to ado-task/ConnrefGate/index.js).
// run() never throws: it reports every problem through the task result.

void run();

