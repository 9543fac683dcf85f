// A TCP proxy in front of PostgreSQL that a test can cut and restore, or stall and resume: the
// database "goes away" or hangs for the app exactly as it would on a network or server failure,
// without stopping the shared server.
import net from 'node:net';

export class TcpProxy {
  private server: net.Server | undefined;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = this.port): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      // Forwarded by hand rather than piped, so that a stall can hold every byte until resumed.
      const forward = (from: net.Socket, to: net.Socket) =>
        from.on('data', (chunk: Buffer) => (this.stalled ? this.held.push(() => to.write(chunk)) : to.write(chunk)));
      forward(client, upstream);
      forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Drops every connection and stops listening: new connections are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private stalled = false;
  private held: (() => void)[] = [];

  /** The database stops answering but keeps every connection open (new ones too): nothing gets through. */
  stall(): void {
    this.stalled = true;
  }

  /** What was held is delivered, in order, and traffic flows again. */
  resume(): void {
    this.stalled = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    if (!this.server) await this.start(this.port);
  }
}
