import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '../persons/sections/common';

/**
 * The dialog every "new …" and "record …" form of the work side uses: title, fields, the server's error
 * when it names no field, Cancel and Save. Fields show their own errors (issuesByField).
 */
export function FormModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  onSubmit: () => void;
  pending: boolean;
  /** The mutation's error; shown here only when no field carries it. */
  error: unknown;
  fieldErrors: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size={props.size}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.error && Object.keys(props.fieldErrors).length === 0 ? (
            <ActionError error={props.error} />
          ) : null}
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('work.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
