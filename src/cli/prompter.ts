// The only module that speaks to inquirer; loaded lazily by main.ts.

export interface Choice<T> {
  name: string
  value: T
  description?: string
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[]): Promise<T>
  input(message: string, options?: { default?: string; validate?: (v: string) => true | string }): Promise<string>
  confirm(message: string, defaultValue?: boolean): Promise<boolean>
}

export async function createInquirerPrompter(): Promise<Prompter> {
  const { default: inquirer } = await import('inquirer')
  return {
    async select(message, choices) {
      const { v } = await inquirer.prompt([{ type: 'list', name: 'v', message, choices: choices.map((c) => ({ name: c.name, value: c.value })) }])
      return v
    },
    async input(message, options = {}) {
      const { v } = await inquirer.prompt([{ type: 'input', name: 'v', message, default: options.default, validate: options.validate }])
      return String(v)
    },
    async confirm(message, defaultValue = true) {
      const { v } = await inquirer.prompt([{ type: 'confirm', name: 'v', message, default: defaultValue }])
      return Boolean(v)
    },
  }
}
