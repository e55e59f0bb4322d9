/**
 * A second process on the test's database, as `npm start`'s server or another CMS instance
 * would be: `work` works the site build queue until killed; `publish N PREFIX` publishes N
 * articles through the Local API (queueing their builds) and exits. Settings come from the
 * environment the test hands it (childEnv()).
 */
import { openPayload } from '../../cms/open'
import { rebuilderFor } from '../../cms/publishing/rebuilder'
import { configureSettings } from '../../content-models/settings'

const [command, count, prefix] = process.argv.slice(2)
if (command === 'work') configureSettings({ siteAutobuild: true })
const payload = await openPayload()
if (command === 'work') {
  rebuilderFor(payload).start()
  console.log('working')
} else if (command === 'publish') {
  for (let i = 0; i < Number(count); i++) {
    await payload.create({ collection: 'articles', data: { title: `${prefix}第${i + 1}篇`, _status: 'published' } })
  }
  await payload.destroy()
  process.exit(0)
}
