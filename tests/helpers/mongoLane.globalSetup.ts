import type { TestProject } from 'vitest/node'

import { serverAnswers } from '../../tools/ferretdb/server'

/**
 * The MongoDB lane asks for a server and fails when there is none: a lane that skipped itself
 * would pass without having tested anything.
 */
export default async function setup(project: TestProject) {
  const server = project.getProvidedContext().mongoServer
  if (!server) throw new Error('The MongoDB lane was started without a server to use (provide mongoServer).')
  if (!(await serverAnswers(server))) {
    throw new Error(
      `The MongoDB lane needs a server at ${server} and none answers: start one with \`npm run mongo:local\` (or name another with MONGO_LANE_SERVER).`,
    )
  }
}
