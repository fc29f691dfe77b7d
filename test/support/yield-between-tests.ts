// A test that runs the CLI with spawnSync blocks its worker's event loop; a
// file of such tests back to back never lets vitest's own messages through,
// and after 60 s vitest reports "Timeout calling onTaskUpdate" (vitest issue
// 8164). One turn of the event loop after each test lets them through.

import { afterEach } from 'vitest'

afterEach(() => new Promise<void>((done) => setImmediate(done)))
