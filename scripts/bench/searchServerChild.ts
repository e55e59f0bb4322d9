import { serveSite } from '../../site/serve'

/**
 * The site server in a process of its own, for the search latency measurement: the clients
 * (in the harness) and the server do not share an event loop, as they would not in use.
 * BENCH_SITE_DIR names the folder to serve; the port goes back over IPC.
 */
const server = await serveSite(0, process.env.BENCH_SITE_DIR!)
const { port } = server.address() as { port: number }
process.send?.({ port })
process.on('disconnect', () => server.close(() => process.exit(0)))
