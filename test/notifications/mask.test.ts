// A webhook's secret never shows: the masking every display goes through.

import { describe, expect, it } from 'vitest'
import { maskSecrets, maskWebhook, notifySettingsFromValues, parseWebhooks } from '../../src/domain/notify.js'

describe('maskWebhook: the secret of each service\'s webhook URL', () => {
  it.each([
    ['WeCom key=', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***'],
    ['DingTalk access_token= (and sign=)', 'https://oapi.dingtalk.com/robot/send?access_token=e37d45ce3b13833b28f008b6cee30c1d6b&timestamp=1&sign=abc', 'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=***'],
    ['Slack /services/T../B../token', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/T00000000/B00000000/***'],
    ['Feishu /hook/<uuid>', 'https://open.feishu.cn/open-apis/bot/v2/hook/2b0d8f4e-1c8b-4a53-9f0e-0d7c3e1f9a11', 'https://open.feishu.cn/open-apis/bot/v2/hook/***'],
    ['a password in the URL', 'https://bot:hunter2@example.com/notify', 'https://***@example.com/notify'],
    ['a token-like path segment of any other service', 'https://example.com/api/webhooks/123/aB3dE5fG7hJ9kL1mN3pQ', 'https://example.com/api/webhooks/123/***'],
  ])('%s', (_name, url, masked) => {
    expect(maskWebhook(url)).toBe(masked)
  })

  it('leaves a URL without a secret readable', () => {
    expect(maskWebhook('http://127.0.0.1:8080/roster')).toBe('http://127.0.0.1:8080/roster')
  })

  it('masks every URL inside a sentence (a network error)', () => {
    const text = 'request to https://oapi.dingtalk.com/robot/send?access_token=SECRET123 failed, reason: connect ECONNREFUSED'
    expect(maskSecrets(text)).toBe('request to https://oapi.dingtalk.com/robot/send?access_token=*** failed, reason: connect ECONNREFUSED')
    expect(maskSecrets(text)).not.toContain('SECRET123')
  })
})

describe('notify.webhook values', () => {
  it('takes one or more http(s) URLs, comma-separated; none or empty turns notifications off', () => {
    expect(parseWebhooks(' http://a.example/x , https://b.example/y ')).toEqual({ value: 'http://a.example/x,https://b.example/y' })
    expect(parseWebhooks('none')).toEqual({ value: '' })
    expect(notifySettingsFromValues(new Map([['notify.webhook', 'http://a.example/x,https://b.example/y']])).webhooks).toEqual(['http://a.example/x', 'https://b.example/y'])
    expect(notifySettingsFromValues(new Map()).webhooks).toEqual([])
  })

  it('refuses anything else, and the refusal never repeats the secret', () => {
    const bad = parseWebhooks('ftp://files.example/?key=SECRET1')
    expect(bad).toEqual({ error: { key: 'webhook', value: 'ftp://files.example/?key=***' } })
    expect(parseWebhooks('not a url')).toMatchObject({ error: { key: 'webhook' } })
    expect(parseWebhooks('http://a/1,http://a/2,http://a/3,http://a/4,http://a/5,http://a/6')).toEqual({ error: { key: 'webhook-count', count: 6, max: 5 } })
  })
})
