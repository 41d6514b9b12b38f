import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; description: string; nodes: unknown[] }

/** Runs axe-core in the page (WCAG 2 A/AA rules) and returns the violations. */
export default class AxeBuilder {
  constructor(private readonly page: Page) {}
  async analyze(): Promise<AxeViolation[]> {
    await this.page.addScriptTag({ content: axeSource });
    return this.page.evaluate(async () => {
      const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, description: v.description, nodes: v.nodes.map((n: any) => n.target) }));
    });
  }
}
