import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { CongressRecord } from '../../../shared/api/congress';
import { optionChoiceLabels, optionLabels, profileLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import {
  CongressForm,
  congressInput,
  congressValues,
  type CongressFormValues,
} from './CongressForm';
import { ArchiveActions, ArchivedCongresses } from './ArchivePanel';
import { CreateCongress } from './CreateCongress';
import { withReprintConfirm } from './reprint';

/** The current congress at a glance, with editing, another congress, and switching between them. */
export function CongressPanel() {
  const congress = useSetup((s) => s.congress);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  if (!congress) return null;

  if (creating) return <CreateCongress onDone={() => setCreating(false)} />;

  return (
    <div className="setup-panel">
      <div className="panel-toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {congress.name}
        </Typography.Title>
        {isAdmin && (
          <Space>
            {!congress.archivedAt && (
              <Button type="primary" onClick={() => setEditing(true)}>
                修改大会信息
              </Button>
            )}
            <Button onClick={() => setCreating(true)}>新建大会</Button>
          </Space>
        )}
      </div>
      <ArchiveActions congress={congress} />
      <CongressSwitcher current={congress} editable={isAdmin} />
      <Descriptions
        bordered
        column={{ xs: 1, lg: 2 }}
        size="small"
        className="congress-facts"
        items={[
          { key: 'term', label: '届次', children: congress.term || '未填' },
          { key: 'heldOn', label: '召开日期', children: congress.heldOn },
          { key: 'organiser', label: '主办单位', children: congress.organiser || '未填' },
          { key: 'venue', label: '会议地点', children: congress.venue || '未填' },
          {
            key: 'profile',
            label: '选举规则类型',
            span: 2,
            children: profileLabels[congress.profile],
          },
          ...congress.settableOptions.map((key) => ({
            key,
            label: optionLabels[key],
            span: 2,
            children: (optionChoiceLabels[key] as Record<string, string>)[congress.options[key]],
          })),
          {
            key: 'machineReadable',
            label: '机读选票',
            span: 2,
            children: congress.machineReadable ? '允许（选票印定位标记和识别码）' : '不用',
          },
          {
            key: 'instructions',
            label: '选票说明',
            span: 2,
            children: congress.ballotInstructions ? (
              <span style={{ whiteSpace: 'pre-line' }}>{congress.ballotInstructions}</span>
            ) : (
              '使用默认说明'
            ),
          },
        ]}
      />
      <ArchivedCongresses current={congress.id} />
      <EditCongress congress={congress} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}

function EditCongress(props: { congress: CongressRecord; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CongressFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message, modal } = App.useApp();

  useEffect(() => {
    if (props.open) {
      form.setFieldsValue(congressValues(props.congress));
      setProblem(null);
    }
  }, [props.open, props.congress, form]);

  const submit = async (values: CongressFormValues) => {
    setBusy(true);
    const input = { congressId: props.congress.id, ...congressInput(values) };
    const result = await withReprintConfirm(modal, (confirmReprint) =>
      api['congress.update']({ ...input, confirmReprint }),
    );
    setBusy(false);
    if (!result) return;
    if (!result.ok) {
      setProblem(showApiError(form, result.error));
      return;
    }
    message.success('大会信息已保存');
    await useSetup.getState().refreshAll();
    props.onClose();
  };

  return (
    <Modal
      title="修改大会信息"
      open={props.open}
      width={880}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <CongressForm
        name="congress-edit"
        form={form}
        initial={congressValues(props.congress)}
        onFinish={(values) => void submit(values)}
      />
    </Modal>
  );
}

/** Several congresses may share one file (a rehearsal, last term's); the header shows the current one. */
function CongressSwitcher({ current, editable }: { current: CongressRecord; editable: boolean }) {
  const [all, setAll] = useState<CongressRecord[]>([]);
  const { message } = App.useApp();

  useEffect(() => {
    void api['congress.list']({}).then((result) => {
      if (result.ok) setAll(result.value);
    });
  }, [current.id]);

  const listed = all.some((c) => c.id === current.id) ? all : [current, ...all];
  if (listed.length < 2) return null;
  const choose = async (congressId: number) => {
    const result = await api['congress.setCurrent']({ congressId });
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    message.success(`当前大会已切换为“${result.value.name}”`);
    await useSetup.getState().refreshAll();
  };
  return (
    <Space className="congress-switcher">
      <label htmlFor="current-congress">当前大会</label>
      <Select
        id="current-congress"
        style={{ minWidth: 360 }}
        value={current.id}
        disabled={!editable}
        onChange={(id) => void choose(id)}
        options={listed.map((c) => ({
          value: c.id,
          label: `${c.name}（${c.heldOn}）${c.archivedAt ? '（已归档）' : ''}`,
        }))}
      />
      <Tag>本机共有 {all.length} 个大会</Tag>
    </Space>
  );
}
