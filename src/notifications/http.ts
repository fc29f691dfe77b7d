// The one piece of roster that speaks HTTP: a POST of a JSON body to a
// webhook, over node:http or node:https, loaded only when a message is sent
// (a command with no webhook configured loads neither). No keep-alive: the
// socket closes with the answer, so nothing holds the process open after.

export interface WebhookAnswer {
  status: number
  /** The start of the answer's body (at most 2 KB). */
  body: string
}

/** Sends one request; rejects on a network error or when `signal` aborts. Injected through Deps so tests can count calls. */
export type WebhookSender = (url: string, body: string, headers: Readonly<Record<string, string>>, signal: AbortSignal) => Promise<WebhookAnswer>

const MAX_ANSWER = 2048

export const httpPost: WebhookSender = async (url, body, headers, signal) => {
  const u = new URL(url)
  const lib = u.protocol === 'https:' ? await import('node:https') : await import('node:http')
  signal.throwIfAborted()
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const req = lib.request(u, {
      method: 'POST',
      agent: false,
      signal,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close', ...headers },
    }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        if (text.length < MAX_ANSWER) text += chunk.slice(0, MAX_ANSWER - text.length)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}
