import { type FormEvent, useId, useState } from 'react';
import {
  MERGE_FIELDS,
  OUTREACH_CHANNELS,
  type OutreachChannel,
  type OutreachTemplate,
  renderMerge,
} from '../../../contracts/outreach';
import { ConfirmButton } from '../../ui/confirm-button';
import { toFieldErrors } from '../../ui/field-errors';
import { FormAlert } from '../../ui/form-alert';
import { Loading } from '../../ui/loading';
import { PageHeader } from '../../ui/page-header';
import { QueryError } from '../../ui/query-error';
import { TextAreaField } from '../../ui/text-area-field';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useToast } from '../../ui/use-toast';
import { usePurposes } from '../purposes/use-purposes';
import { OutreachSubnav } from './outreach-subnav';
import { CHANNEL_SHORT } from './outreach-words';
import { useDeleteTemplate, useOutreachTemplates, useSaveTemplate } from './use-outreach';
import './outreach.css';

/** The template form's fields, by their API path. */
const TEMPLATE_FIELDS = new Set(['name', 'subject', 'body', 'followUpDays']);

/** How a template reads for an example person. */
const SAMPLE = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  name: 'Ada Lovelace',
  organisation: 'Analytical Engines',
  title: 'Head of Research',
  howWeMet: 'the Royal Society dinner',
  purpose: 'Guest speakers',
  myName: 'You',
  myFirstName: 'You',
};

/** Message templates: a starting point with merge fields — never the whole message (a personal line is required). */
export function OutreachTemplatesPage() {
  useDocumentTitle('Outreach templates');
  const templates = useOutreachTemplates();
  const [editing, setEditing] = useState<OutreachTemplate | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title="Templates"
        subtitle="A template saves typing; each message still needs a line only that person would get."
        actions={
          editing ? null : (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              New template
            </button>
          )
        }
      />
      <OutreachSubnav />
      <div className="split">
        <div className="stack">
          {templates.isPending ? <Loading /> : null}
          {templates.isError ? (
            <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
          ) : null}
          {templates.data && templates.data.length === 0 ? <p className="muted">No templates yet.</p> : null}
          {templates.data && templates.data.length > 0 ? (
            <ul className="outreach-templates" aria-label="Templates">
              {templates.data.map((t) => (
                <TemplateRow key={t.id} template={t} onEdit={() => setEditing(t)} />
              ))}
            </ul>
          ) : null}
        </div>
        {editing ? (
          <section className="card" aria-labelledby="template-form-heading">
            <h2 id="template-form-heading">{editing === 'new' ? 'New template' : `Edit ${editing.name}`}</h2>
            <TemplateForm
              key={editing === 'new' ? 'new' : editing.id}
              template={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
            />
          </section>
        ) : (
          <section className="card" aria-labelledby="merge-help">
            <h2 id="merge-help">Merge fields</h2>
            <p>Write them in braces; they are filled in for each person. Write {'{{'} for a literal brace.</p>
            <ul className="merge-fields">
              {MERGE_FIELDS.map((f) => (
                <li key={f}>
                  <code>{`{${f}}`}</code> — e.g. {SAMPLE[f]}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}

function TemplateRow({ template, onEdit }: { template: OutreachTemplate; onEdit: () => void }) {
  const remove = useDeleteTemplate();
  const toast = useToast();
  return (
    <li className="card outreach-template">
      <h2 className="outreach-template__name">{template.name}</h2>
      <p className="muted">
        {[
          template.channel ? CHANNEL_SHORT[template.channel] : null,
          template.followUpDays ? `follow up after ${template.followUpDays} days` : null,
          template.purpose ? `for ${template.purpose.name}` : null,
        ]
          .filter(Boolean)
          .join(' · ') || 'any channel'}
      </p>
      {template.subject ? <p className="outreach-message__subject">{template.subject}</p> : null}
      <p className="prewrap">{template.body}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button--small"
          onClick={onEdit}
          aria-label={`Edit ${template.name}`}
        >
          Edit
        </button>
        <ConfirmButton
          label="Delete"
          question={`Delete the template ${template.name}? Messages sent with it stay in the response rates.`}
          confirmLabel="Delete it"
          onConfirm={() =>
            remove.mutate(template.id, {
              onSuccess: () => toast.show({ message: `Deleted ${template.name}.` }),
            })
          }
        />
      </div>
    </li>
  );
}

function TemplateForm({ template, onDone }: { template: OutreachTemplate | null; onDone: () => void }) {
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template?.subject ?? '');
  const [body, setBody] = useState(template?.body ?? 'Hi {firstName},\n\n\n\nBest,\n{myFirstName}');
  const [channel, setChannel] = useState<OutreachChannel | ''>(template?.channel ?? '');
  const [followUpDays, setFollowUpDays] = useState(
    template?.followUpDays ? String(template.followUpDays) : '',
  );
  const [purposeId, setPurposeId] = useState(template?.purpose?.id ?? '');
  const purposes = usePurposes('active');
  const save = useSaveTemplate();
  const toast = useToast();
  const id = useId();
  const rendered = renderMerge(body, SAMPLE);
  const renderedSubject = renderMerge(subject, SAMPLE);
  const unknown = [...new Set([...rendered.unknown, ...renderedSubject.unknown])];
  // Issues about the fields shown go under them; anything else (another path, an error naming no field) in the alert.
  const errors = toFieldErrors(save.error, (path) => TEMPLATE_FIELDS.has(path));
  const issue = (path: string) => errors.byPath.get(path);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      {
        id: template?.id ?? null,
        input: {
          name,
          subject: subject.trim() || null,
          body,
          channel: channel || null,
          followUpDays: followUpDays ? Number(followUpDays) : null,
          purposeId: purposeId || null,
        },
      },
      {
        onSuccess: (t) => {
          toast.show({ message: `Saved ${t.name}.` });
          onDone();
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={issue('name')}
        required
      />
      <TextField
        label="Subject (email)"
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={issue('subject')}
      />
      <TextAreaField
        label="Text"
        rows={8}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={
          issue('body') ??
          (unknown.length > 0
            ? `Unknown merge fields: ${unknown.map((f) => `{${f}}`).join(', ')}`
            : undefined)
        }
        hint={`Merge fields: ${MERGE_FIELDS.map((f) => `{${f}}`).join(' ')}`}
      />
      <div className="composer__row">
        <div className="field">
          <label htmlFor={`${id}-channel`}>Usual channel</label>
          <select
            id={`${id}-channel`}
            value={channel}
            onChange={(e) => setChannel(e.target.value as OutreachChannel | '')}
          >
            <option value="">Choose each time</option>
            {OUTREACH_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_SHORT[c]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Follow up after (days)"
          type="number"
          min={1}
          max={365}
          value={followUpDays}
          onChange={(e) => setFollowUpDays(e.target.value)}
          error={issue('followUpDays')}
          hint="Empty: the purpose’s, else 7"
        />
        <div className="field">
          <label htmlFor={`${id}-purpose`}>Purpose</label>
          <select id={`${id}-purpose`} value={purposeId} onChange={(e) => setPurposeId(e.target.value)}>
            <option value="">Any</option>
            {(purposes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="composer__preview" aria-label="Preview for an example person">
        <h3>For an example person</h3>
        {renderedSubject.text ? <p className="composer__subject">Subject: {renderedSubject.text}</p> : null}
        <pre className="composer__text">{rendered.text}</pre>
      </section>
      <FormAlert message={errors.general} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending || unknown.length > 0}
        >
          Save template
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
