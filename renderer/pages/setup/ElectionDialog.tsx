import {
  Alert,
  App,
  AutoComplete,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ElectionRecord } from '../../../shared/api/elections';
import {
  defaultWriteInBlanks,
  doubleEntryByDefault,
  officesOf,
} from '../../../shared/domain/offices';
import { officeLabels } from '../../../shared/strings/setup';
import { PROFILE_RULES } from '../../../shared/tally/profiles';
import type { Office, ProfileId } from '../../../shared/tally/types';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { withReprintConfirm } from './reprint';

interface Values {
  title: string;
  office: Office;
  seats: number;
  ballotColour: string;
  doubleEntry: boolean;
  writeInBlanks: number;
  /** The election starts (or, being edited, started) with a 预选 producing formalCandidates names. */
  preliminary?: boolean;
  formalCandidates?: number;
}

const colours = ['红色', '粉红色', '黄色', '绿色', '蓝色', '白色'].map((value) => ({ value }));

/** 新增 / 修改选举事项. Double entry and write-in blanks follow the office and seats until set by hand. */
export function ElectionDialog(props: {
  congressId: number;
  profile: ProfileId;
  election: ElectionRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved: (election: ElectionRecord) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Fields the operator changed (setFieldsValue marks every field touched, so antd cannot say). */
  const setByHand = useRef(new Set<string>());
  const { modal } = App.useApp();
  const editing = props.election;
  const offices = officesOf(props.profile);
  const hasPreliminary = PROFILE_RULES[props.profile].preliminary !== null;
  const preliminary = Form.useWatch('preliminary', form) === true;
  const heldPreliminary = editing?.rounds.find((r) => r.kind === 'preliminary');

  useEffect(() => {
    if (!props.open) return;
    setByHand.current.clear();
    setProblem(null);
    form.resetFields();
    const office = editing?.office ?? officesOf(props.profile)[0] ?? 'committee';
    const seats = editing?.seats ?? 1;
    form.setFieldsValue({
      title: editing?.title ?? '',
      office,
      seats,
      ballotColour: editing?.ballotColour ?? '',
      doubleEntry: editing?.doubleEntry ?? doubleEntryByDefault(office),
      writeInBlanks: editing?.writeInBlanks ?? defaultWriteInBlanks(seats),
      preliminary: false,
      formalCandidates:
        editing?.rounds.find((r) => r.kind === 'preliminary')?.formalCandidates ?? undefined,
    });
  }, [props.open, editing, form, props.profile]);

  const submit = async ({ preliminary, formalCandidates, ...values }: Values) => {
    setBusy(true);
    const result = editing
      ? await withReprintConfirm(modal, (confirmReprint) =>
          api['elections.update']({
            electionId: editing.id,
            confirmReprint,
            ...values,
            ...(heldPreliminary && { formalCandidates }),
          }),
        )
      : await api['elections.create']({
          congressId: props.congressId,
          ...values,
          ...(preliminary && { formalCandidates }),
        });
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setProblem(showApiError(form, result.error));
    props.onSaved(result.value);
  };

  return (
    <Modal
      title={editing ? `修改选举事项：${editing.title}` : '新增选举事项'}
      open={props.open}
      width={720}
      okText={editing ? '保存' : '新增'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="election"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<Values>) => {
          for (const key of Object.keys(changed)) setByHand.current.add(key);
          // Until the operator sets them, the defaults follow the office and the seats.
          if (!editing && changed.office && !setByHand.current.has('doubleEntry')) {
            form.setFieldValue('doubleEntry', doubleEntryByDefault(changed.office));
          }
          if (!editing && changed.seats && !setByHand.current.has('writeInBlanks')) {
            form.setFieldValue('writeInBlanks', defaultWriteInBlanks(changed.seats));
          }
        }}
      >
        <Form.Item
          name="title"
          label="选举事项名称（印在选票上）"
          rules={[
            { required: true, whitespace: true, message: '请输入选举事项名称' },
            { max: 100, message: '不能超过 100 个字' },
          ]}
        >
          <Input
            autoFocus
            autoComplete="off"
            placeholder="如：选举中国共产党东湖镇第十六届委员会委员"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="office"
              label="选举职务"
              rules={[{ required: true, message: '请选择职务' }]}
            >
              <Select options={offices.map((o) => ({ value: o, label: officeLabels[o] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="seats"
              label="应选人数"
              rules={[{ required: true, message: '请输入应选人数' }]}
            >
              <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} suffix="名" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="ballotColour"
              label="选票颜色"
              extra="各项选举用不同颜色的纸印制时填写，印在选票右上角"
              rules={[{ max: 10, message: '不能超过 10 个字' }]}
            >
              <AutoComplete options={colours} placeholder="如：红色" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="writeInBlanks"
              label="另选人空格数"
              extra="0 表示选票上不设另选人栏"
              rules={[{ required: true, message: '请输入另选人空格数' }]}
            >
              <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} suffix="格" />
            </Form.Item>
          </Col>
          {!editing && hasPreliminary && (
            <>
              <Col span={12}>
                <Form.Item
                  name="preliminary"
                  label="先进行预选"
                  valuePropName="checked"
                  extra="候选人较多时，先以预选产生正式候选人，再进行正式选举"
                >
                  <Switch checkedChildren="预选" unCheckedChildren="直接正式选举" />
                </Form.Item>
              </Col>
              <Col span={12}>
                {preliminary && (
                  <FormalCandidates extra="须符合正式选举的差额要求；预选结果签核后，在“结果”中开启正式选举" />
                )}
              </Col>
            </>
          )}
          {heldPreliminary && (
            <Col span={12}>
              <FormalCandidates extra="本选举先进行预选；投票开始后不能再更改" />
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="doubleEntry"
              label="双人录入"
              valuePropName="checked"
              extra="开启后，每个票箱由两名计票人分别录入、核对无误后才计入结果；委员会选举默认开启。"
            >
              <Switch checkedChildren="开启" unCheckedChildren="关闭" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function FormalCandidates({ extra }: { extra: string }) {
  return (
    <Form.Item
      name="formalCandidates"
      label="预选产生正式候选人数"
      extra={extra}
      rules={[{ required: true, message: '请输入预选产生的正式候选人数' }]}
    >
      <InputNumber min={1} max={150} precision={0} style={{ width: '100%' }} suffix="名" />
    </Form.Item>
  );
}
