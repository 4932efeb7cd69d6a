// The soak's agent as the world drives it: soak-agent.ts forked with --expose-gc,
// spoken to through agent-protocol.ts. A message awaited from an agent that died
// fails the run with how it died, instead of hanging it.
import { fork, type ChildProcess } from 'node:child_process'
import type { AgentConfig, AgentToWorld, WorldToAgent } from './agent-protocol'

type MessageOf<T extends AgentToWorld['type']> = Extract<AgentToWorld, { type: T }>

export class AgentProcess {
  private constructor(private readonly child: ChildProcess) {}

  static async start(config: AgentConfig): Promise<AgentProcess> {
    const child = fork(new URL('./soak-agent.ts', import.meta.url).pathname, [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const agent = new AgentProcess(child)
    const started = agent.next('started')
    agent.send({ type: 'start', config })
    await started
    return agent
  }

  onMessage(listener: (message: AgentToWorld) => void): void {
    this.child.on('message', listener)
  }

  send(message: WorldToAgent): void {
    this.child.send(message)
  }

  /** Heap in use after a full GC. */
  async heap(): Promise<number> {
    const reply = this.next('heap')
    this.send({ type: 'heap' })
    return (await reply).bytes
  }

  /** powerMonitor 'suspend', then the process frozen for real (timers, sockets); thawed, then 'resume'. */
  async sleep(asleepFor: () => Promise<void>): Promise<void> {
    const suspended = this.next('suspended')
    this.send({ type: 'suspend' })
    await suspended
    this.child.kill('SIGSTOP')
    await asleepFor()
    this.child.kill('SIGCONT')
    this.send({ type: 'wake' })
  }

  async stop(): Promise<void> {
    const stopped = this.next('stopped')
    this.send({ type: 'stop' })
    await stopped
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
  }

  private next<T extends AgentToWorld['type']>(type: T): Promise<MessageOf<T>> {
    return new Promise((resolve, reject) => {
      const listener = (message: AgentToWorld) => {
        if (message.type !== type) return
        done()
        resolve(message as MessageOf<T>)
      }
      const exited = (code: number | null, signal: string | null) => {
        done()
        reject(new Error(`the agent exited (code ${code}, signal ${signal}) awaiting '${type}'`))
      }
      const done = () => {
        this.child.off('message', listener)
        this.child.off('exit', exited)
      }
      this.child.on('message', listener)
      this.child.on('exit', exited)
    })
  }
}
