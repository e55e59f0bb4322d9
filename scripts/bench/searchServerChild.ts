import { serveSite } from '../../site/serve'

/**
 * The site server in a process of its own, for the search latency measurement: the clients
 * (in the harness) and the server do not share an event loop, as they would not in use.
 * BENCH_SITE_DIR names the folder to serve; the port goes back over IPC.
 */
// BENCH_SEARCH_RATE: the per-address limit when set (0 for the latency figure, where eight clients stand for many visitors); else the default.
const rate = process.env.BENCH_SEARCH_RATE
const server = await serveSite(0, process.env.BENCH_SITE_DIR!, { searchRatePerSecond: rate ? Number(rate) : undefined })
const { port } = server.address() as { port: number }
process.send?.({ port })
process.on('disconnect', () => server.close(() => process.exit(0)))
