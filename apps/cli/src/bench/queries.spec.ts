import { Agent, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { benchPort } from './processes';
import { startFloorServer, timedLatencies } from './queries';

describe('the query benchmark floor', () => {
  it('answers timed requests from a process of its own and is gone once stopped', async () => {
    const floor = await startFloorServer(benchPort());
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answer = await fetch(floor.url);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ ok: true });
      const latencies = await timedLatencies(agent, () => floor.url, 50, '');
      expect(latencies).toHaveLength(50);
      expect(latencies.every((ms) => ms > 0)).toBe(true);
      expect([...latencies].sort((a, b) => a - b)).toEqual(latencies);
    } finally {
      agent.destroy();
      await floor.stop();
    }
    await expect(fetch(floor.url)).rejects.toThrow();
  });

  it('stops a timed run at an answer other than 200', async () => {
    const server = createServer((_request, response) => {
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await expect(timedLatencies(agent, () => `http://127.0.0.1:${port}/x`, 3, '')).rejects.toThrow('answered 404');
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
