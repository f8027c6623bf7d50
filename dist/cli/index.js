import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ credentialFromEnvironment),
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   VZ: () => (/* binding */ signInFailure),
/* harmony export */   t8: () => (/* binding */ describeCredential)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2020);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2241);
// How the online checks sign in, as the adapters describe it (OnlineCredential). Light on purpose:
// the adapters load it at start-up; sign-in.ts turns a credential into a TokenProvider with
// @azure/identity on the online path only.



/** The secrets a credential holds: redacted from any message, masked by the adapters. */
function credentialSecrets(credential) {
    switch (credential.kind) {
        case 'client-secret':
            return [credential.clientSecret];
        case 'client-certificate':
            return credential.certificatePassword ? [credential.certificatePassword] : [];
        case 'azure-pipelines':
            return [credential.systemAccessToken];
        default:
            return [];
    }
}
/** Who signs in, in words (no secret): for OL001 messages and logs. */
function describeCredential(credential) {
    switch (credential.kind) {
        case 'client-secret':
            return `application ${credential.clientId} with a client secret`;
        case 'client-certificate':
            return `application ${credential.clientId} with a certificate`;
        case 'federated-token-file':
            return `application ${credential.clientId} with the federated token in ${credential.tokenFilePath}`;
        case 'client-assertion':
            return `application ${credential.clientId} with ${credential.source}`;
        case 'azure-pipelines':
            return `application ${credential.clientId} with workload identity federation (service connection ${credential.serviceConnectionId})`;
        case 'managed-identity':
            return credential.clientId
                ? `the managed identity ${credential.clientId}`
                : "the host's managed identity";
        case 'azure-cli':
            return 'the Azure CLI login';
        case 'token-provider':
            return credential.description;
        case 'none':
            return 'no credentials';
    }
}
/**
 * The CLI's credential from @azure/identity's environment convention: AZURE_TENANT_ID and
 * AZURE_CLIENT_ID with AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or
 * AZURE_FEDERATED_TOKEN_FILE; with none of those three, the Azure CLI's login. A secret,
 * certificate or token file without the ids is a UsageError: it means a service principal was
 * meant and the run would otherwise sign in as someone else.
 */
function credentialFromEnvironment(env) {
    const get = (name) => (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .envValue */ .$R)(env, name);
    const tenantId = get('AZURE_TENANT_ID');
    const clientId = get('AZURE_CLIENT_ID');
    const secret = Object.hasOwn(env, 'AZURE_CLIENT_SECRET') ? env['AZURE_CLIENT_SECRET'] : undefined;
    const certificatePath = get('AZURE_CLIENT_CERTIFICATE_PATH');
    const tokenFilePath = get('AZURE_FEDERATED_TOKEN_FILE');
    const given = [
        secret ? 'AZURE_CLIENT_SECRET' : undefined,
        certificatePath ? 'AZURE_CLIENT_CERTIFICATE_PATH' : undefined,
        tokenFilePath ? 'AZURE_FEDERATED_TOKEN_FILE' : undefined,
    ].filter((name) => name !== undefined);
    if (given.length === 0)
        return { kind: 'azure-cli', ...(tenantId && { tenantId }) };
    const missing = [
        tenantId ? undefined : 'AZURE_TENANT_ID',
        clientId ? undefined : 'AZURE_CLIENT_ID',
    ].filter((name) => name !== undefined);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${given[0]} is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: set both to sign in as that service principal, or unset ${given[0]} to use the Azure CLI login`);
    }
    if (secret) {
        return {
            kind: 'client-secret',
            tenantId: tenantId,
            clientId: clientId,
            clientSecret: secret,
        };
    }
    if (certificatePath) {
        const password = env['AZURE_CLIENT_CERTIFICATE_PASSWORD'];
        const chain = get('AZURE_CLIENT_SEND_CERTIFICATE_CHAIN');
        return {
            kind: 'client-certificate',
            tenantId: tenantId,
            clientId: clientId,
            certificatePath,
            ...(password && { certificatePassword: password }),
            ...(chain && { sendCertificateChain: chain === '1' || chain.toLowerCase() === 'true' }),
        };
    }
    return {
        kind: 'federated-token-file',
        tenantId: tenantId,
        clientId: clientId,
        tokenFilePath: tokenFilePath,
    };
}
/** A one-line reason from an @azure/identity error, without trace ids or secrets. */
function signInFailure(error, secrets) {
    const name = error instanceof Error ? error.name : 'Error';
    let message = error instanceof Error ? error.message : String(error);
    // AADSTS texts go on with trace and correlation ids and a timestamp: not useful in a finding.
    message = message.split(/\s+Trace ID:|\r?\n\s*Trace ID:/)[0] ?? message;
    for (const secret of secrets) {
        if (secret.length >= 4)
            message = message.split(secret).join('***');
    }
    const text = (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(message.replace(/\s+/g, ' ').trim(), 400);
    return name === 'Error' || text.includes(name) ? text : `${name}: ${text}`;
}


/***/ }),

/***/ 2241:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ resolveEndpoints),
/* harmony export */   $R: () => (/* binding */ envValue),
/* harmony export */   lw: () => (/* binding */ parseCloud)
/* harmony export */ });
/* unused harmony export inferCloud */
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
/* harmony export */   qi: () => (/* binding */ parseOnlineMode)
/* harmony export */ });
/* unused harmony export strayOnlineInput */
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

/***/ 4547:
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

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/core/format/common.ts
var common = __nccwpck_require__(5806);
// EXTERNAL MODULE: ./src/core/rules/index.ts + 25 modules
var core_rules = __nccwpck_require__(6850);
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
    throw new UsageError(`input '${name}' is '${raw}': use check or init --check${hint}`);
}
/** The one-line refusal of an output input (`sarif-file`, `resolved-settings`) with `init --check`. */
function notForInitCheck(name) {
    return new UsageError(`input '${name}' is for command 'check': 'init --check' compares the settings with the solution and writes nothing`);
}
/** `error` (default), `warning` or `never`, in any case. */
function parseFailOn(raw, name) {
    const value = raw.trim().toLowerCase() || 'error';
    if (!FAIL_ON_VALUES.includes(value)) {
        throw new UsageError(`input '${name}' is '${raw}': use one of ${FAIL_ON_VALUES.join(', ')}`);
    }
    return value;
}
/** `resolve` (default) or `defer`, in any case. */
function parsePlaceholders(raw, name) {
    const value = raw.trim().toLowerCase() || 'resolve';
    if (value !== 'resolve' && value !== 'defer') {
        throw new UsageError(`input '${name}' is '${raw}': use resolve (a placeholder left is an error) or defer (pull-request validation: the deploy stage fills them in)`);
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
    throw new UsageError(`input '${name}' is '${raw}': use true or false`);
}
/** Rule overrides, one `ID=SEVERITY` per line; a bad one is a UsageError naming the input. */
function parseRulesInput(lines, name) {
    try {
        return parseRuleOverrides(lines);
    }
    catch (error) {
        throw new UsageError(`input '${name}': ${errorMessage(error)}`);
    }
}
/** The solution lines, which must not be empty. */
function requireSolutions(lines, name) {
    if (lines.length === 0) {
        throw new UsageError(`input '${name}' is required: give one solution path or glob per line (a zip, an unpacked folder, or a folder holding several)`);
    }
    return lines;
}
/**
 * The working directory (`input`, relative to the repository root `root`, e.g. GITHUB_WORKSPACE
 * or Build.SourcesDirectory) and how paths given relative to it reach the core. Throws a
 * UsageError naming the input when it is not a folder.
 */
function pathBase(root, input, name) {
    const workingDirectory = resolve(root, input);
    if (!isDirectory(workingDirectory)) {
        throw new UsageError(`input '${name}': ${workingDirectory} does not exist or is not a folder`);
    }
    // Inside the repository, hand the core repository-relative patterns: every path it reports is
    // then relative to the repository root, which is what annotations and code scanning expect.
    const prefix = relative(root, workingDirectory).split(sep).join('/');
    const insideRepository = prefix === '' || (prefix !== '..' && !prefix.startsWith('../') && !isAbsolute(prefix));
    return {
        workingDirectory,
        cwd: insideRepository ? root : workingDirectory,
        insideRepository,
        toCorePattern: (pattern) => !insideRepository || prefix === '' || isAbsolute(pattern)
            ? pattern
            : posix.join(prefix, pattern),
    };
}
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
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
    const above = [plural(summary.errors, 'error')];
    const below = [];
    if (failOn === 'warning')
        above.push(plural(summary.warnings, 'warning'));
    else if (summary.warnings)
        below.push(plural(summary.warnings, 'warning'));
    if (summary.notes)
        below.push(plural(summary.notes, 'note'));
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
    return `${file.path} is out of step with ${result.solution.uniqueName}: ${what}. Run ${TOOL_NAME} init and commit the result.`;
}
/** The verdict of `init --check`, one line: how many files are out of step, or that all are in step. */
function initCheckVerdict(result) {
    const outOfStep = initOutOfStepFiles(result).length;
    const files = plural(result.files.length, 'settings file');
    const solution = result.solution.uniqueName;
    return outOfStep > 0
        ? `${TOOL_NAME}: ${outOfStep} of ${files} out of step with ${solution}`
        : `${TOOL_NAME}: ${files} in step with ${solution}`;
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
function formatJson(report) {
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
        const rule = (0,core_rules/* findRule */.Il)(id);
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
function engine_isFailing(summary, failOn) {
    if (failOn === 'never')
        return false;
    if (failOn === 'warning')
        return summary.errors + summary.warnings > 0;
    return summary.errors > 0;
}
/** The exit code of a check (SPEC section 3): 1 when failing, else 0. */
function exitCodeFor(summary, failOn) {
    return engine_isFailing(summary, failOn) ? 1 : 0;
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
            for (const rule of core_rules/* allRules */.V7) {
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
        for (const rule of core_rules/* allRules */.V7) {
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
        ? await (await Promise.all(/* import() */[__nccwpck_require__.e(786), __nccwpck_require__.e(509)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7509))).runOnlineStage(pairs.flatMap(({ result, settings }) => result.ok
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
function targetSummary(solution) {
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
    return `connections in the target: ${parts.join(', ')} (of ${(0,common/* plural */.LS)(solution.connectionReferences.length, 'reference')})`;
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
    const description = (0,core_rules/* findRule */.Il)(first.ruleId)?.meta.description ?? first.ruleId;
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
    return engine_isFailing(report.summary, failOn)
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
function formatMarkdown(report, options = {}) {
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
function formatSarif(report, options = {}) {
    const metas = [...(options.rules ?? core_rules/* allRules */.V7.map((rule) => rule.meta))];
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
    const where = (0,common/* locationText */.fN)(finding);
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
            `  ${severity}  ${palette.bold('CR002')}  ${(0,common/* plural */.LS)(deferred.length, 'placeholder')} left for the deploy stage (placeholders deferred; the variables are listed below)`,
        ],
    };
}
function findingBlock(findings, report, palette, showSettings) {
    const { shown, folded } = foldDeferred(findings, report, palette);
    const lines = (0,common/* bySeverity */.Np)(shown).flatMap((finding) => findingLines(finding, palette, showSettings));
    return [...lines, ...folded];
}
function formatText(report, options) {
    const palette = options.color ? COLORS : NO_COLORS;
    const lines = [];
    for (const group of (0,common/* groupBySolution */.o8)(report)) {
        const { solution } = group;
        const settingsFiles = (0,common/* groupSettingsFiles */.y6)(report, group);
        const header = solution
            ? `${palette.bold(safe(solution.uniqueName))} ${safe(solution.version)} (${solution.managed}) ${palette.dim(safe(solution.path))}`
            : palette.bold(safe(group.key));
        lines.push(header);
        if (solution) {
            lines.push(`  ${[
                (0,common/* plural */.LS)(solution.connectionReferences.length, 'connection reference'),
                (0,common/* plural */.LS)(solution.flows.length, 'cloud flow'),
                (0,common/* plural */.LS)(solution.canvasApps.length, 'canvas app'),
                (0,common/* plural */.LS)(solution.agents.length, 'agent'),
                (0,common/* plural */.LS)(solution.environmentVariables.length, 'environment variable'),
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
            const groups = (0,common/* groupBySettings */.on)(group.findings, settingsFiles);
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
        lines.push(palette.bold(`Placeholders deferred: the deploy stage must define ${(0,common/* plural */.LS)(deferred.length, 'variable')}${same ? ` (in ${safe(files)})` : ''}:`));
        for (const variable of deferred) {
            const where = same ? '' : `  ${palette.dim(safe(variable.settings.join(', ')))}`;
            lines.push(`  ${safe((0,common/* deferredVariableText */.Z_)(variable))}${where}`);
        }
        lines.push('');
    }
    const { summary } = report;
    const checked = (0,common/* plural */.LS)(report.solutions.length, 'solution');
    const verdictStyle = summary.errors > 0
        ? palette.severity.error
        : summary.warnings > 0
            ? palette.severity.warning
            : palette.pass;
    lines.push(verdictStyle(`${checked} checked${(0,common/* againstText */.F5)(report)}: ${(0,common/* summaryText */.g5)(summary)}${(0,common/* perFileNote */.se)(report)}`));
    return `${lines.join('\n')}\n`;
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
    return /^[^`|<>&\\\r\n]+$/.test(text) ? `\`${text}\`` : escapeCell(text);
}
/** A job summary for `init --check`: per settings file, up to date or the changes init would make. */
function formatInitMarkdown(result) {
    const outOfStep = initOutOfStep(result);
    const { solution } = result;
    const lines = [
        outOfStep
            ? `## ❌ ${TOOL_NAME}: the settings are out of step with the solution`
            : `## ✅ ${TOOL_NAME}: the settings are in step with the solution`,
        '',
        `${escapeCell(solution.uniqueName)} ${escapeCell(solution.version)} (${code(solution.path)}), ${plural(result.files.length, 'settings file')}.`,
        '',
    ];
    for (const file of result.files) {
        lines.push(`### ${code(file.path)}`, '');
        if (file.status === 'unusable') {
            lines.push(`❌ Not a usable settings file: ${escapeCell(file.reason ?? '')}`, '');
            continue;
        }
        if (file.status === 'unchanged') {
            lines.push(`✅ Up to date: ${plural(file.kept.connectionReferences.length, 'connection reference')}, ${plural(file.kept.environmentVariables.length, 'environment variable')}.`, '');
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
        lines.push('', `Run \`${TOOL_NAME} init --solution ${oneLine(solution.path)} --settings ${oneLine(file.path)}\` and commit the result; it keeps every value already in the file.`, '');
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

;// CONCATENATED MODULE: ./src/core/format/index.ts










const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'markdown'];
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
        await writeOutputFile(sarifFile, redactSecrets(formatSarif(report), secrets), cwd);
        written.sarifFile = sarifFile;
    }
    if (reportFile) {
        await writeOutputFile(reportFile, redactSecrets(formatJson(report), secrets), cwd);
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
        failed: engine_isFailing(report.summary, options.failOn),
        get markdown() {
            return (markdown ??= redactSecrets(formatMarkdown(report, {
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

// EXTERNAL MODULE: ./src/core/online/credentials.ts
var credentials = __nccwpck_require__(649);
// EXTERNAL MODULE: ./src/core/online/endpoints.ts
var endpoints = __nccwpck_require__(2241);
;// CONCATENATED MODULE: ./src/cli/online.ts
// The CLI's online options (SPEC sections 3 and 6): --environment and its companions, and the
// credential from @azure/identity's environment convention, else the Azure CLI's login.




const ONLINE_OPTION_NAMES = [
    'environment',
    'online',
    'cloud',
    'environment-id',
    'online-timeout',
];
/**
 * The online options from the parsed values, or undefined without --environment. Its companions
 * without it are a usage error: they would silently do nothing.
 */
function onlineOptions(value, env) {
    const environmentUrl = value('environment');
    if (environmentUrl === undefined) {
        const stray = ONLINE_OPTION_NAMES.find((name) => name !== 'environment' && value(name) !== undefined);
        if (stray) {
            throw new errors/* UsageError */.e(`--${stray} is for the online checks: give --environment URL too`);
        }
        return undefined;
    }
    const mode = (0,online_options/* parseOnlineMode */.qi)(value('online'), '--online');
    const cloud = value('cloud');
    const timeoutMs = (0,online_options/* parseOnlineTimeout */.KF)(value('online-timeout'), '--online-timeout');
    const environmentId = value('environment-id');
    return {
        environmentUrl,
        mode,
        ...(cloud !== undefined && { cloud: (0,endpoints/* parseCloud */.lw)(cloud, '--cloud') }),
        ...(environmentId !== undefined && { environmentId }),
        ...(timeoutMs !== undefined && { timeoutMs }),
        credential: (0,credentials/* credentialFromEnvironment */.B)(env),
        env,
    };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The `connref-gate` command line. `run` takes the arguments and the streams it writes to and
// returns the exit code, so that tests call it directly and index.ts stays one line.












/** Exit codes of SPEC section 3; internal errors share 2 with usage errors, as the SPEC has no other. */
const EXIT_PASS = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;
const HELP = `Usage: ${version/* TOOL_NAME */.lH} check --solution PATH... [options]
       ${version/* TOOL_NAME */.lH} init --solution PATH [--settings FILE...] [--check]
       ${version/* TOOL_NAME */.lH} help | --help | --version

Checks the connection references and environment variables of Power Platform solutions against
a deployment-settings file (pac solution create-settings) before import.

Options of check:
  --solution PATH...     solution zip, unpacked solution folder, extracted zip, or a folder or
                         glob holding several; repeatable (required)
  --settings FILE...     deployment-settings JSON file(s) or glob; repeatable. Every solution is
                         checked against each. Without it: against empty settings
  --settings-per-solution PATH...
                         each solution's own settings file(s): a path or glob looked up from
                         the solution's folder upwards, e.g. config/Prod/deploymentSettings.json
                         (Kit/src or Kit/SolutionPackage/src pairs with Kit/config/Prod/…);
                         not together with --settings
  --placeholders MODE    resolve (default): a placeholder left after substitution is an error
                         (CR002); defer: pull-request validation of settings that the deploy
                         stage fills in, where one left is a note naming the variable to define
  --format FORMAT        text (default), json, sarif or markdown
  --output FILE          write the report to FILE instead of stdout
  --fail-on LEVEL        error (default), warning or never: the lowest severity that fails
  --rule ID=SEVERITY     override a rule: error, warning, note or off; repeatable (CR010=off)
  --sarif-file FILE      also write SARIF 2.1.0 to FILE
  --report-file FILE     also write the JSON report to FILE
  --resolved-settings FILE
                         write the settings after placeholder substitution, restricted to
                         what the solution defines, for pac solution import --settings-file
                         (one solution, one settings file; only when there are no errors;
                         mode 0600)
  --environment URL      also check the target environment, read-only (its Dataverse URL,
                         e.g. https://contoso-prod.crm4.dynamics.com): CR012-CR016, EV006,
                         EV007, OL001. Signs in as AZURE_TENANT_ID + AZURE_CLIENT_ID with
                         AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or
                         AZURE_FEDERATED_TOKEN_FILE, else with the Azure CLI's login;
                         through HTTPS_PROXY unless NO_PROXY names the host
  --online MODE          warn (default) or strict: OL001 (a check that could not run) is an
                         error with strict
  --cloud NAME           Public, UsGov, UsGovHigh, UsGovDod or China (default: from the URL)
  --environment-id ID    the environment id of the Power Apps API (default: asked from
                         Dataverse)
  --online-timeout SEC   deadline of the online checks (default 60)
  -h, --help             show this help
  -v, --version          show the version

Options of init (writes or updates a deployment-settings file for one solution: keeps every
value and extra key already there, adds missing entries with ConnectionId "" and Value null,
removes entries the solution no longer has, and prints the names it added, kept and removed):
  --solution PATH        the one solution (zip, unpacked folder or extracted zip)
  --settings FILE...     the settings file(s) or glob to create or update
                         (default: deploymentSettings.json in the working directory)
  --check                write nothing; exit 1 and list the changes when a file is out of
                         step with the solution (a CI drift check)

Placeholders #{NAME}#, #{NAME} and $(NAME) in settings values are replaced from the
environment before checking; substituted values appear in no output but the
--resolved-settings file. With --placeholders defer, the variables still needed are listed
once, for the deploy stage to define.
Colour: on a terminal unless NO_COLOR is set; FORCE_COLOR forces it.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 usage error, a path that does not exist, or an internal error.
init: 0 written or up to date, 1 out of step (--check), an unusable settings file (never
overwritten) or a solution that cannot be read, 2 usage error.

Docs: ${version/* REPOSITORY_URL */.ld}#command-line
`;
const OPTIONS = {
    solution: 'many',
    settings: 'many',
    'settings-per-solution': 'many',
    placeholders: 'one',
    format: 'one',
    output: 'one',
    'fail-on': 'one',
    rule: 'one',
    'sarif-file': 'one',
    'report-file': 'one',
    'resolved-settings': 'one',
    environment: 'one',
    online: 'one',
    cloud: 'one',
    'environment-id': 'one',
    'online-timeout': 'one',
    check: 'flag',
    help: 'flag',
    version: 'flag',
};
const SHORT_OPTIONS = { h: 'help', v: 'version', o: 'output', f: 'format' };
/** Options that may be given more than once; the values add up. */
const REPEATABLE = new Set(['solution', 'settings', 'settings-per-solution', 'rule']);
function isOptionLike(arg) {
    return arg.startsWith('-') && arg !== '-';
}
/**
 * A small parser rather than util.parseArgs: `--solution a.zip b.zip` must take every path that
 * an unquoted shell glob expands to, and errors must read as one short line.
 */
function parseArgs(argv) {
    const parsed = { positionals: [], values: new Map(), flags: new Set() };
    let onlyPositionals = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (onlyPositionals || !isOptionLike(arg)) {
            parsed.positionals.push(arg);
            continue;
        }
        if (arg === '--') {
            onlyPositionals = true;
            continue;
        }
        let name;
        let inlineValue;
        if (arg.startsWith('--')) {
            const equals = arg.indexOf('=');
            name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
            inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
        }
        else {
            const long = SHORT_OPTIONS[arg.slice(1)];
            if (long === undefined)
                throw new errors/* UsageError */.e(`unknown option ${arg} (see ${version/* TOOL_NAME */.lH} --help)`);
            name = long;
        }
        const arity = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
        if (arity === undefined) {
            const nearest = nearestOption(name);
            const hint = nearest === undefined ? '' : `; did you mean --${nearest}?`;
            throw new errors/* UsageError */.e(`unknown option --${name}${hint} (see ${version/* TOOL_NAME */.lH} --help)`);
        }
        if (arity === 'flag') {
            if (inlineValue !== undefined)
                throw new errors/* UsageError */.e(`option --${name} takes no value`);
            parsed.flags.add(name);
            continue;
        }
        const values = [];
        if (inlineValue !== undefined) {
            values.push(inlineValue);
        }
        else {
            const next = argv[i + 1];
            if (next === undefined || isOptionLike(next)) {
                throw new errors/* UsageError */.e(`option --${name} needs a value (see ${version/* TOOL_NAME */.lH} --help)`);
            }
            values.push(next);
            i++;
            // An unquoted glob reaches us already expanded by the shell into several arguments.
            while (arity === 'many' && argv[i + 1] !== undefined && !isOptionLike(argv[i + 1])) {
                values.push(argv[++i]);
            }
        }
        const previous = parsed.values.get(name);
        if (previous && !REPEATABLE.has(name)) {
            throw new errors/* UsageError */.e(`option --${name} given more than once`);
        }
        parsed.values.set(name, [...(previous ?? []), ...values]);
    }
    return parsed;
}
/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}
/** The known option closest to a mistyped one, when it is close enough to be meant. */
function nearestOption(name) {
    const typed = name.toLowerCase().slice(0, 64);
    let best;
    for (const option of Object.keys(OPTIONS)) {
        const distance = option.startsWith(typed) && typed.length >= 3 ? 0 : editDistance(typed, option);
        if (best === undefined || distance < best.distance)
            best = { option, distance };
    }
    return best !== undefined && best.distance <= Math.max(2, Math.floor(best.option.length / 3))
        ? best.option
        : undefined;
}
function isFailOn(value) {
    return FAIL_ON_VALUES.includes(value);
}
function single(args, name) {
    return args.values.get(name)?.[0];
}
function useColor(io) {
    const force = io.env['FORCE_COLOR'];
    if (force !== undefined && force !== '0' && force !== 'false')
        return true;
    if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '')
        return false;
    return io.isTTY;
}
/** Options that belong to the other command are an error, not silently ignored. */
const COMMAND_OPTIONS = {
    check: new Set([
        'solution',
        'settings',
        'settings-per-solution',
        'placeholders',
        'format',
        'output',
        'fail-on',
        'rule',
        'sarif-file',
        'report-file',
        'resolved-settings',
        ...ONLINE_OPTION_NAMES,
    ]),
    init: new Set(['solution', 'settings', 'check']),
};
function assertOptionsOf(command, args) {
    for (const name of [...args.values.keys(), ...args.flags]) {
        if (name === 'help' || name === 'version')
            continue;
        if (!COMMAND_OPTIONS[command].has(name)) {
            throw new errors/* UsageError */.e(`option --${name} is not an option of ${command} (see ${version/* TOOL_NAME */.lH} --help)`);
        }
    }
}
/** The --solution values of a command, after refusing stray arguments and a missing --solution. */
function solutionsOf(command, args, whatToGive) {
    assertOptionsOf(command, args);
    if (args.positionals.length > 1) {
        throw new errors/* UsageError */.e(`unexpected argument ${args.positionals[1]} (give paths after --solution or --settings)`);
    }
    const solutions = args.values.get('solution') ?? [];
    if (solutions.length === 0)
        throw new errors/* UsageError */.e(`missing --solution: give ${whatToGive}`);
    return solutions;
}
async function runCheck(args, io) {
    const solutions = solutionsOf('check', args, 'a solution zip, an unpacked solution folder, or a folder or glob holding several');
    const format = single(args, 'format') ?? 'text';
    if (!isOutputFormat(format)) {
        throw new errors/* UsageError */.e(`bad --format ${format}: use ${OUTPUT_FORMATS.join(', ')}`);
    }
    const failOn = single(args, 'fail-on') ?? 'error';
    if (!isFailOn(failOn)) {
        throw new errors/* UsageError */.e(`bad --fail-on ${failOn}: use ${FAIL_ON_VALUES.join(', ')}`);
    }
    const placeholders = single(args, 'placeholders') ?? 'resolve';
    if (placeholders !== 'resolve' && placeholders !== 'defer') {
        throw new errors/* UsageError */.e(`bad --placeholders ${placeholders}: use resolve or defer`);
    }
    const rules = (0,core_rules/* parseRuleOverrides */.Lc)(args.values.get('rule') ?? []);
    const output = single(args, 'output');
    const toFile = output !== undefined && output !== '-';
    const online = onlineOptions((name) => single(args, name), io.env);
    const outcome = await runGate({
        solutions,
        settings: args.values.get('settings') ?? [],
        settingsPerSolution: args.values.get('settings-per-solution') ?? [],
        placeholders,
        cwd: io.cwd,
        env: io.env,
        rules,
        failOn,
        sarifFile: single(args, 'sarif-file'),
        reportFile: single(args, 'report-file'),
        resolvedSettingsFile: single(args, 'resolved-settings'),
        ...(online && { online }),
    });
    const { report, secrets } = outcome.result;
    const text = redactSecrets(formatReport(report, format, {
        color: !toFile && useColor(io),
        failOn,
    }), secrets);
    if (toFile) {
        assertWritable(output, outcome.result, io.cwd, 'output file');
        await writeOutputFile(output, text, io.cwd);
        io.stdout.write(`${version/* TOOL_NAME */.lH}: wrote the ${format} report to ${output}: ${(0,common/* summaryText */.g5)(report.summary)}\n`);
    }
    else {
        io.stdout.write(text);
    }
    // Never the content: only where it went and how many entries it holds. Next to a report on
    // stdout (which may be JSON or SARIF) the line goes to stderr.
    const log = toFile ? io.stdout : io.stderr;
    const resolved = resolvedSettingsNote(outcome, undefined);
    if (resolved)
        log.write(`${resolved.text}\n`);
    const onlineNote = outcome.result.online && onlineSummaryText(outcome.result.online);
    if (onlineNote)
        log.write(`${redactSecrets((0,core_text/* oneLine */.TN)(onlineNote), secrets)}\n`);
    return outcome.failed ? EXIT_FAIL : EXIT_PASS;
}
async function runInit(args, io) {
    const solutions = solutionsOf('init', args, 'the one solution (zip or unpacked folder) to write settings for');
    const checkOnly = args.flags.has('check');
    let result;
    try {
        result = await init({
            solution: solutions,
            settings: args.values.get('settings') ?? [],
            cwd: io.cwd,
            check: checkOnly,
        });
    }
    catch (error) {
        if (!(error instanceof InitSolutionError))
            throw error;
        io.stderr.write(`${version/* TOOL_NAME */.lH}: ${(0,core_text/* oneLine */.TN)(error.message)}; no settings written\n`);
        return EXIT_FAIL;
    }
    for (const line of formatInitText(result, checkOnly)) {
        io[line.stream].write(`${line.text}\n`);
    }
    if (checkOnly)
        return initOutOfStep(result) ? EXIT_FAIL : EXIT_PASS;
    return result.files.some((file) => file.status === 'unusable') ? EXIT_FAIL : EXIT_PASS;
}
async function dispatch(argv, io) {
    const args = parseArgs(argv);
    if (args.flags.has('help')) {
        io.stdout.write(HELP);
        return EXIT_PASS;
    }
    if (args.flags.has('version')) {
        io.stdout.write(`${version/* VERSION */.xv}\n`);
        return EXIT_PASS;
    }
    const command = args.positionals[0];
    switch (command) {
        case 'check':
            return runCheck(args, io);
        case 'help':
            io.stdout.write(HELP);
            return EXIT_PASS;
        case 'init':
            return runInit(args, io);
        case undefined:
            throw new errors/* UsageError */.e(`missing command: ${version/* TOOL_NAME */.lH} check --solution PATH (see ${version/* TOOL_NAME */.lH} --help)`);
        default:
            throw new errors/* UsageError */.e(`unknown command ${command} (commands: check, init, help; see ${version/* TOOL_NAME */.lH} --help)`);
    }
}
function main_oneLine(text) {
    return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
/** Runs the CLI and returns its exit code; never throws, never prints a stack trace. */
async function run(argv, io = {}) {
    const fullIo = {
        stdout: io.stdout ?? process.stdout,
        stderr: io.stderr ?? process.stderr,
        env: io.env ?? process.env,
        cwd: io.cwd ?? process.cwd(),
        isTTY: io.isTTY ?? process.stdout.isTTY === true,
    };
    try {
        return await dispatch(argv, fullIo);
    }
    catch (error) {
        if (error instanceof errors/* UsageError */.e) {
            fullIo.stderr.write(`${version/* TOOL_NAME */.lH}: ${main_oneLine(error.message)}\n`);
        }
        else {
            // A bug, not the user's fault: one line, and the stack only when asked for.
            fullIo.stderr.write(`${version/* TOOL_NAME */.lH}: internal error: ${main_oneLine((0,errors/* errorMessage */.g)(error))} (please report it at ${version/* REPOSITORY_URL */.ld}/issues; set CONNREF_GATE_DEBUG=1 for details)\n`);
            if (fullIo.env['CONNREF_GATE_DEBUG'] && error instanceof Error && error.stack) {
                fullIo.stderr.write(`${error.stack}\n`);
            }
        }
        return EXIT_USAGE;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// Entry point of the `connref-gate` binary (bundled to dist/cli.js).

// `connref-gate check … | head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
    throw error;
});
void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});

