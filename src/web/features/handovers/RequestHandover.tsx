import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type HandoverKind, mayReceiveHandover } from '../../../domain/handover/receivers';
import { type HandoverRequestBody, handoverRequestBody } from '../../../server/modules/handovers/schema';
import { HANDOVER_KINDS, type Handover, type StaffMember } from '../../api/casefile';
import { api } from '../../api/client';
import type { Agency, Person } from '../../api/types';
import { type FormValues, requestValidator, serverFieldErrors } from '../../app/form';
import { roleLabel } from '../../app/format';
import { useUser } from '../../auth/session';
import { ActionError } from '../persons/sections/common';

/** The request's fields as the inputs hold them. */
type Form = FormValues<HandoverRequestBody>;

const EMPTY: Form = { kind: 'case', toAgencyId: '', toUserId: '', reason: '', keepAdvisor: false };

/** The request: the receiver chosen, the reason; who keeps the case only on a Rechtskreiswechsel. */
function handoverBody(x: Form): Partial<HandoverRequestBody> {
  return {
    kind: x.kind as HandoverKind,
    toAgencyId: x.toAgencyId || undefined,
    toUserId: x.toUserId || undefined,
    reason: x.reason,
    keepAdvisor: x.kind === 'rechtskreiswechsel' ? x.keepAdvisor : undefined,
  };
}
/** The route's handoverRequestBody judges the request before it is sent. */
const validateHandover = requestValidator(handoverRequestBody, handoverBody);

/** Hand the case to another agency or advisor, or refer it; the handover record is filled from the case. */
export function RequestHandoverModal({
  p,
  opened,
  onClose,
  onDone,
}: {
  p: Person;
  opened: boolean;
  onClose: () => void;
  onDone: (h: Handover) => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const qc = useQueryClient();
  const form = useForm<Form>({ initialValues: EMPTY, validate: validateHandover });
  const f = form.getValues();
  /** Changes fields together (a new receiver clears the advisor); their errors go with the old values. */
  const setF = (v: Partial<Form>) => {
    form.setValues(v);
    for (const k of Object.keys(v)) form.clearFieldError(k);
  };
  const agencies = useQuery({
    queryKey: ['meta', 'agencies'],
    queryFn: () => api.get<Agency[]>('/api/meta/agencies'),
    staleTime: 3_600_000,
  });
  const staff = useQuery({
    queryKey: ['meta', 'staff', f.toAgencyId],
    queryFn: () => api.get<StaffMember[]>('/api/meta/staff', { agencyId: f.toAgencyId }),
    enabled: f.toAgencyId !== '',
    staleTime: 600_000,
  });
  const send = useMutation({
    mutationFn: (x: Form) => api.post<Handover>(`/api/persons/${p.id}/handovers`, handoverBody(x)),
    onSuccess: (h) => {
      void qc.invalidateQueries({ queryKey: ['handovers'] });
      void qc.invalidateQueries({ queryKey: ['audit', p.id] });
      form.setValues(EMPTY);
      onDone(h);
    },
    onError: (e: Error) => form.setErrors(serverFieldErrors(e)),
  });
  const errors = form.errors;
  return (
    <Modal
      opened={opened}
      onClose={() => {
        send.reset();
        onClose();
      }}
      title={t('handover.requestTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={form.onSubmit((x) => send.mutate(x))} noValidate data-testid="handover-form">
        <Stack>
          <ActionError error={send.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('handover.kind')}
              required
              allowDeselect={false}
              value={f.kind}
              data={HANDOVER_KINDS.map((k) => ({ value: k, label: t(`handoverKind.${k}`) }))}
              onChange={(v) => {
                const kind = v ?? 'case';
                const to = agencies.data?.find((a) => a.id === f.toAgencyId);
                // A receiver chosen for a referral may not fit a case handover: then it is chosen again.
                const keep = to && mayReceiveHandover(kind as HandoverKind, to.kind);
                setF({ kind, ...(keep ? {} : { toAgencyId: '', toUserId: '' }) });
              }}
              error={errors.kind}
              data-autofocus
            />
            <Select
              label={t('handover.toAgency')}
              required
              searchable
              value={f.toAgencyId || null}
              data={(agencies.data ?? [])
                // Only agencies that can own a case (the server refuses the others with a field message).
                .filter((a) => a.id !== user.agency.id && mayReceiveHandover(f.kind as HandoverKind, a.kind))
                .map((a) => ({ value: a.id, label: a.name }))}
              onChange={(v) => setF({ toAgencyId: v ?? '', toUserId: '' })}
              error={errors.toAgencyId}
            />
            <Select
              label={t('handover.toUser')}
              description={t('handover.toUserHint')}
              clearable
              searchable
              disabled={f.toAgencyId === ''}
              value={f.toUserId || null}
              data={(staff.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.name} (${roleLabel(s.role, i18n.language)})`,
              }))}
              onChange={(v) => setF({ toUserId: v ?? '' })}
              error={errors.toUserId}
            />
          </SimpleGrid>
          <Textarea
            label={t('handover.reason')}
            required
            autosize
            minRows={2}
            value={f.reason}
            onChange={(e) => setF({ reason: e.currentTarget.value })}
            error={errors.reason}
          />
          {f.kind === 'rechtskreiswechsel' ? (
            <Checkbox
              label={t('residence.keepAdvisor')}
              description={t('residence.keepAdvisorHint')}
              checked={f.keepAdvisor}
              onChange={(e) => setF({ keepAdvisor: e.currentTarget.checked })}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('handover.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
