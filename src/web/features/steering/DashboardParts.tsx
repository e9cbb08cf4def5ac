import { Anchor, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shownNumber, unitOf } from '../../../domain/statistics/targets';
import type { DashboardOut, DrilldownOut } from '../../../server/modules/statistics/steering-schema';
import { api } from '../../api/client';
import { formatDay, formatNumber } from '../../app/format';
import { ActionError } from '../persons/sections/common';

type Dash = DashboardOut;
export type Drill = { indicator: string; label: string };

/** A number as the screen shows it: shares in percent with one decimal; the same rounding as the exports. */
export function useShown() {
  const { t, i18n } = useTranslation();
  return (id: string, value: number | null, suppressed = false) => {
    if (suppressed) return t('steering.suppressed');
    const v = shownNumber(unitOf(id), value);
    if (v === null) return '—';
    return unitOf(id) === 'share' ? `${formatNumber(v, i18n.language)} %` : formatNumber(v, i18n.language);
  };
}

/** The funnel: open cases → begun a course → B1 or better → in work, as bars one can click for the persons. */
export function Funnel({ dash, onDrill }: { dash: Dash; onDrill?: (d: Drill) => void }) {
  const { t, i18n } = useTranslation();
  const top = Math.max(1, ...dash.funnel.map((f) => f.value ?? 0));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('steering.dash.funnel')}
      </Title>
      <Stack gap={6} data-testid="funnel">
        {dash.funnel.map((f) => {
          const name = t(`steering.dash.stage.${f.id}`, { defaultValue: f.label });
          const text =
            f.suppressed || f.value === null
              ? t('steering.suppressed')
              : formatNumber(f.value, i18n.language);
          return (
            <div key={f.id} data-stage={f.id}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{name}</Text>
                {onDrill && !f.suppressed && f.value ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={700}
                    onClick={() => onDrill({ indicator: f.id, label: name })}
                  >
                    {text}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={700}>
                    {text}
                  </Text>
                )}
              </Group>
              <div
                aria-hidden="true"
                style={{
                  height: 14,
                  borderRadius: 2,
                  background: '#1971c2',
                  width: `${Math.max(1, ((f.value ?? 0) / top) * 100)}%`,
                }}
              />
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}

const shade = (share: number | null) => {
  if (share === null) return '#f1f3f5';
  const steps = ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7'];
  return steps[Math.min(steps.length - 1, Math.floor(share * 10))];
};

/**
 * The map of the municipalities: one labelled square per municipality, placed by its coordinates (the tenant
 * has points, no borders), shaded by the share in work. The picture is hidden from assistive technology; the
 * table beside it holds the same numbers and selects a municipality.
 */
export function MunicipalityMap({
  dash,
  selected,
  onSelect,
}: {
  dash: Dash;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const shown = useShown();
  const size = 96;
  const { rows, cols, tiles } = dash.map;
  const sorted = [...tiles].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm" id="map-title">
        {t('steering.dash.map')}
      </Title>
      <Group align="flex-start" wrap="wrap">
        <svg
          aria-hidden="true"
          data-testid="map"
          width={cols * size}
          height={rows * size}
          viewBox={`0 0 ${cols * size} ${rows * size}`}
          style={{ maxWidth: '100%' }}
        >
          {tiles.map((m) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: the table beside the map offers the same choice by keyboard
            <g
              key={m.municipalityId}
              transform={`translate(${m.col * size},${m.row * size})`}
              onClick={() => onSelect(selected === m.municipalityId ? null : m.municipalityId)}
              style={{ cursor: 'pointer' }}
            >
              <rect
                x={2}
                y={2}
                width={size - 4}
                height={size - 4}
                rx={4}
                fill={shade(m.suppressed ? null : m.inWorkShare)}
                stroke={selected === m.municipalityId ? '#1c7ed6' : '#adb5bd'}
                strokeWidth={selected === m.municipalityId ? 4 : 1}
              />
              <text x={size / 2} y={36} textAnchor="middle" fontSize={11} fill="#212529">
                {m.name.length > 14 ? `${m.name.slice(0, 13)}…` : m.name}
              </text>
              <text x={size / 2} y={60} textAnchor="middle" fontSize={16} fontWeight={700} fill="#212529">
                {m.suppressed || m.caseload === null ? '<5' : formatNumber(m.caseload, i18n.language)}
              </text>
            </g>
          ))}
        </svg>
        <Table data-testid="map-table" style={{ flex: 1, minWidth: 260 }}>
          <Table.Caption>{t('steering.dash.mapCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('steering.municipality')}</Table.Th>
              <Table.Th>{t('steering.dash.cases')}</Table.Th>
              <Table.Th>{t('steering.dash.inWork')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((m) => (
              <Table.Tr key={m.municipalityId} data-municipality={m.name}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={selected === m.municipalityId ? 700 : 400}
                    aria-pressed={selected === m.municipalityId}
                    onClick={() => onSelect(selected === m.municipalityId ? null : m.municipalityId)}
                  >
                    {m.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{shown('caseload', m.caseload, m.suppressed)}</Table.Td>
                <Table.Td>{m.suppressed ? '—' : shown('in_work_share', m.inWorkShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Group>
    </Paper>
  );
}

/** The persons behind a number, with links to their case files; only those the reader may open. */
export function DrilldownModal({
  drill,
  query,
  onClose,
}: {
  drill: Drill;
  query: Record<string, string>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const limit = 25;
  const list = useQuery({
    queryKey: ['steering', 'drilldown', drill.indicator, query, offset],
    queryFn: () =>
      api.get<DrilldownOut>('/api/statistics/drilldown', {
        ...query,
        indicator: drill.indicator,
        limit,
        offset,
      }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('steering.dash.personsBehind', { name: drill.label })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {list.isPending ? (
        <Skeleton h={120} />
      ) : list.isError ? (
        <ActionError error={list.error} />
      ) : (
        <Stack>
          <Text size="sm">{t('steering.dash.personsCount', { count: list.data.total })}</Text>
          <Table data-testid="drilldown-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('steering.dash.name')}</Table.Th>
                <Table.Th>{t('steering.municipality')}</Table.Th>
                <Table.Th>{t('steering.dash.intake')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/personen/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.municipality ?? '—'}</Table.Td>
                  <Table.Td>{formatDay(p.intakeOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button
              variant="default"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - limit))}
            >
              {t('steering.dash.previous')}
            </Button>
            <Button
              variant="default"
              disabled={offset + limit >= list.data.total}
              onClick={() => setOffset(offset + limit)}
            >
              {t('steering.dash.next')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
