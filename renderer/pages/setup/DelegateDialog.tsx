import { Alert, AutoComplete, Col, DatePicker, Form, Input, Modal, Radio, Row, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { DelegateInput } from '../../../shared/api/delegates';
import type { ApiError } from '../../../shared/api';
import { showApiError } from '../../components/form-errors';

interface Values {
  delegate: Omit<DelegateInput, 'birthDate' | 'gender'> & {
    birthDate: Dayjs | null;
    gender: '男' | '女' | '';
  };
}

const educations = ['研究生', '大学本科', '大专', '中专', '高中', '初中及以下'];
const categories = ['领导干部', '专业技术人员', '一线', '先进模范人物', '党员代表'];

const options = (values: readonly string[]) => values.map((value) => ({ value }));

/** The same rules main checks, so most mistakes show beside the field before anything is sent. */
const cardRules = [
  { required: true, whitespace: true, message: '请输入代表证号' },
  { max: 20, message: '代表证号不能超过 20 个字符' },
  { pattern: /^[\x20-\x7e]+$/, message: '代表证号只能含字母、数字和常用符号（条码无法表示汉字）' },
];

/**
 * One delegate's particulars: adding by hand, editing, or correcting a line the roster report
 * found wrong. `save` returns the API's error to show, or null when done.
 */
export function DelegateDialog(props: {
  /** Names the form, so that two dialogs mounted at once keep distinct field ids. */
  name: string;
  title: string;
  okText: string;
  open: boolean;
  initial: DelegateInput | null;
  /** Why the line needs correcting, as the roster report put it. */
  reasons?: readonly string[];
  units: readonly string[];
  save: (delegate: DelegateInput) => Promise<ApiError | null>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!props.open) return;
    setProblem(null);
    form.resetFields();
    const d = props.initial;
    form.setFieldsValue({
      delegate: {
        name: d?.name ?? '',
        gender: d?.gender ?? '',
        ethnicity: d?.ethnicity ?? '汉族',
        birthDate: d?.birthDate ? dayjs(d.birthDate) : null,
        education: d?.education ?? '',
        category: d?.category ?? '',
        unit: d?.unit ?? '',
        cardNo: d?.cardNo ?? '',
        hasVote: d?.hasVote ?? true,
      },
    });
  }, [props.open, props.initial, form]);

  const submit = async ({ delegate }: Values) => {
    setBusy(true);
    const error = await props.save({
      ...delegate,
      gender: delegate.gender === '' ? null : delegate.gender,
      birthDate: delegate.birthDate ? delegate.birthDate.format('YYYY-MM-DD') : null,
    });
    setBusy(false);
    if (error) setProblem(showApiError(form, error));
  };

  return (
    <Modal
      title={props.title}
      open={props.open}
      width={760}
      okText={props.okText}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
    >
      {props.reasons && props.reasons.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="这一行的问题"
          description={props.reasons.join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name={props.name}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['delegate', 'name']}
              label="姓名"
              rules={[
                { required: true, whitespace: true, message: '请输入姓名' },
                { max: 40, message: '姓名不能超过 40 个字' },
              ]}
            >
              <Input autoFocus autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['delegate', 'cardNo']} label="代表证号" rules={cardRules}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['delegate', 'gender']} label="性别">
              <Radio.Group
                options={[
                  { value: '男', label: '男' },
                  { value: '女', label: '女' },
                  { value: '', label: '未填' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['delegate', 'ethnicity']}
              label="民族"
              rules={[{ max: 20, message: '不能超过 20 个字' }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['delegate', 'birthDate']} label="出生日期">
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['delegate', 'education']}
              label="学历"
              rules={[{ max: 40, message: '不能超过 40 个字' }]}
            >
              <AutoComplete options={options(educations)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['delegate', 'category']}
              label="代表类别"
              rules={[{ max: 40, message: '不能超过 40 个字' }]}
            >
              <AutoComplete options={options(categories)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['delegate', 'unit']}
              label="选举单位"
              rules={[{ max: 100, message: '不能超过 100 个字' }]}
            >
              <AutoComplete options={options(props.units)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={['delegate', 'hasVote']}
              label="选举权"
              valuePropName="checked"
              extra="预备党员、受留党察看处分或被停止党员权利者没有选举权，不计入应到人数。"
            >
              <Switch checkedChildren="有" unCheckedChildren="无" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
