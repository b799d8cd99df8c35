import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockApp } from './createApp.ts';
import { createClientErrorHandler, createConnectHandler, createExpectationHandler } from './http/clientErrorHandler.ts';

/** A listening mock: its base URL and a way to stop it. */
export interface RunningMock {
  server: Server;
  /** e.g. `http://127.0.0.1:4010` (the port actually bound, also for port 0). */
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server for a mock app on `host:port` (port 0 picks a free one). Requests Node's
 * parser rejects are answered with the error envelope (DESIGN §3.6).
 * @throws the listen error (e.g. EADDRINUSE) as a rejected promise.
 */
export async function listen(mock: MockApp, { port, host }: { port: number; host: string }): Promise<RunningMock> {
  // requireHostHeader: false lets Express answer a Host-less HTTP/1.1 request with the envelope
  // instead of Node's bare 400; CONNECT never reaches Express, so it is answered here.
  const server = createServer({ maxHeaderSize: 32 * 1024, requireHostHeader: false }, mock.handler);
  server.on('clientError', createClientErrorHandler(() => mock.state.now()));
  server.on('connect', createConnectHandler(() => mock.state.now()));
  server.on('checkExpectation', createExpectationHandler(() => mock.state.now()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    baseUrl: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
