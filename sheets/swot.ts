/** SWOT (竞争分析): strengths, weaknesses, opportunities and threats, with impact and owner. */
import type { SheetTemplate } from './template.ts';

export const swot: SheetTemplate = {
  kind: 'swot',
  en: 'SWOT',
  zh: 'SWOT 分析',
  about: {
    en: 'Strengths, weaknesses, opportunities and threats, each with its impact and an owner.',
    zh: '优势、劣势、机会与威胁，各自的影响程度和负责人。',
  },
  columns: [
    { key: 'quadrant', en: 'Quadrant', zh: '象限', type: 'choice', options: { choices: ['Strength', 'Weakness', 'Opportunity', 'Threat'] } },
    { key: 'item', en: 'Item', zh: '内容', type: 'text', options: { width: 320 } },
    { key: 'impact', en: 'Impact', zh: '影响', type: 'choice', options: { choices: ['High', 'Medium', 'Low'] } },
    { key: 'owner', en: 'Owner', zh: '负责人', type: 'text' },
  ],
  rules: [
    {
      key: 'noOwner',
      en: 'High impact without owner',
      zh: '高影响项无负责人',
      when: '=AND([Impact] = "High", ISBLANK([Owner]))',
      level: 'warning',
      message: { en: 'A high-impact item needs an owner.', zh: '高影响项需要负责人。' },
      columns: ['owner'],
    },
  ],
  charts: [],
};
