// A loopback HTTP proxy that tunnels with CONNECT, as corporate proxies and the Azure Pipelines
// agent's do: it records each tunnel asked for (host:port, Proxy-Authorization) and can demand
// Basic credentials (407). It sees only the TLS bytes inside a tunnel, as a real proxy does.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface Tunnel {
  target: string;
  authorization: string | undefined;
}

export class ConnectProxy {
  readonly tunnels: Tunnel[] = [];
  /** `user:password` the proxy demands, or undefined for an open proxy. */
  credentials: string | undefined;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor() {
    // A plain (non-CONNECT) request is not what an HTTPS client sends through a proxy.
    this.server = createServer((_req, res) => res.writeHead(405).end());
    this.server.on('connect', (req, client: Socket, head: Buffer) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      const authorization = req.headers['proxy-authorization'];
      this.tunnels.push({ target: req.url ?? '', authorization });
      if (
        this.credentials !== undefined &&
        authorization !== `Basic ${Buffer.from(this.credentials).toString('base64')}`
      ) {
        client.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n',
        );
        return;
      }
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host!, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The URL with credentials in it, percent-encoded as a URL holds them. */
  urlWith(user: string, password: string): string {
    const url = new URL(this.url);
    url.username = user;
    url.password = password;
    return url.href;
  }

  /** The `host:port` targets tunnelled to, in order. */
  targets(): string[] {
    return this.tunnels.map((t) => t.target);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
