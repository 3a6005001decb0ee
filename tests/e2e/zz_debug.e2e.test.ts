import { it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { openAppSession } from './helpers/appSession'
it('debug', async () => {
  const s = await openAppSession()
  const csv = s.temp('a.csv')
  writeFileSync(csv, 'id,x,Default\n1,2,0\n2,3,1\n')
  s.bridge.dialogs.queueOpen(csv)
  await s.page.getByTestId('import-csv').click()
  await new Promise((r) => setTimeout(r, 2000))
  console.log(await s.page.locator('.import-dialog .choices').evaluate((e) => e.outerHTML))
  await s.screenshot('debug.png')
  await s.close()
})
