import { Button, Paper, SegmentedControl, Skeleton, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/PageHeader';
import { Pager } from '../../app/Pager';
import { ActionError } from '../persons/sections/common';
import { type InboxFilter, type Urgency, useInbox } from './api';
import { NewTaskDialog } from './NewTaskDialog';
import { TaskList } from './TaskList';

type View = Urgency | InboxFilter['status'];

/** The inbox: own and team tasks, by urgency, with counts; done ones on their own tab. */
export function InboxPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<InboxFilter['scope']>('mine');
  const [view, setView] = useState<View>('open');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const filter: InboxFilter = {
    scope,
    status: view === 'done' ? 'done' : 'open',
    urgency: view === 'done' || view === 'open' ? undefined : view,
    page,
  };
  const inbox = useInbox(filter);
  const c = inbox.data?.counts;
  const count = (v: View) =>
    !c ? '' : v === 'open' ? ` (${c.overdue + c.today + c.soon + c.later})` : ` (${c[v as keyof typeof c]})`;
  const views: View[] = ['open', 'overdue', 'today', 'soon', 'later', 'done'];
  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.intro')}
        actions={<Button onClick={() => setCreating(true)}>{t('tasks.new')}</Button>}
      />
      <Stack>
        <Tabs
          value={scope}
          onChange={(v) => {
            setScope(v === 'team' ? 'team' : 'mine');
            setPage(1);
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="mine">{t('tasks.mine')}</Tabs.Tab>
            <Tabs.Tab value="team">{t('tasks.team')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <SegmentedControl
          aria-label={t('tasks.filter')}
          value={view}
          onChange={(v) => {
            setView(v as View);
            setPage(1);
          }}
          data={views.map((v) => ({ value: v, label: `${t(`tasks.view.${v}`)}${count(v)}` }))}
        />
        <Paper withBorder>
          {inbox.isPending ? (
            <Skeleton h={200} />
          ) : inbox.isError ? (
            <ActionError error={inbox.error} />
          ) : (
            <>
              <TaskList items={inbox.data.items} />
              <Pager pages={Math.ceil(inbox.data.total / 25)} page={page} onChange={setPage} />
            </>
          )}
        </Paper>
      </Stack>
      <NewTaskDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
