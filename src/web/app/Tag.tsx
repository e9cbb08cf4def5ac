import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'blue' | 'green' | 'orange' | 'red' | 'gray' | 'teal' | 'violet';

// Dark text on a pale tint, every pair at least 7:1 (Mantine's badge shades reach only ~3–4:1).
const TONES: Record<Tone, { fg: string; bg: string; bd: string }> = {
  blue: { fg: '#0b3a6e', bg: '#e7f5ff', bd: '#a5d8ff' },
  green: { fg: '#1b4d2a', bg: '#ebfbee', bd: '#b2f2bb' },
  orange: { fg: '#7a2e00', bg: '#fff4e6', bd: '#ffd8a8' },
  red: { fg: '#8a1010', bg: '#fff5f5', bd: '#ffc9c9' },
  gray: { fg: '#343a40', bg: '#f1f3f5', bd: '#ced4da' },
  teal: { fg: '#074d40', bg: '#e6fcf5', bd: '#96f2d7' },
  violet: { fg: '#3d1f7a', bg: '#f3f0ff', bd: '#d0bfff' },
};

/** A small status label: calm colours, readable text (WCAG AA and better). */
export function Tag({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  const c = TONES[tone];
  return (
    <Badge
      variant="outline"
      tt="none"
      fw={600}
      radius="sm"
      size="md"
      styles={{
        root: { color: c.fg, background: c.bg, borderColor: c.bd, flexShrink: 0, minWidth: 'max-content' },
        label: { overflow: 'visible' },
      }}
      data-testid={testId}
    >
      {children}
    </Badge>
  );
}

/** Alert styles for a warning (orange) that keep the title readable (Mantine's orange title reaches ~3.6:1). */
export const WARNING_ALERT_STYLES = {
  root: { background: '#fff4e6', border: '1px solid #ffd8a8' },
  title: { color: '#7a2e00' },
  icon: { color: '#7a2e00' },
} as const;
