import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  StructureMetric,
  StructureReportRecord,
  StructureTally,
  StructureTarget,
} from '../../../shared/api/structure';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { PreviewDialog } from './PreviewDialog';

const metricOptions: { value: StructureMetric; label: string }[] = [
  { value: 'women', label: '女代表' },
  { value: 'minority', label: '少数民族代表' },
  { value: 'frontline', label: '一线代表（代表类别含“一线”）' },
  { value: 'college', label: '大专及以上学历代表' },
  { value: 'age-at-most', label: '某年龄及以下的代表' },
  { value: 'category', label: '某一代表类别' },
];

interface TargetRow {
  metric: StructureMetric;
  op: '>=' | '<=';
  percent: number;
  years?: number;
  category?: string;
}

/** A form row as the API takes it: only the fields its metric has. */
function targetOf(row: TargetRow): StructureTarget {
  const { metric, op, percent } = row;
  if (metric === 'age-at-most') return { metric, op, percent, years: row.years ?? 35 };
  if (metric === 'category') return { metric, op, percent, category: row.category ?? '' };
  return { metric, op, percent };
}

/** 代表结构 for 资格审查: the make-up of the roster and each of the congress's thresholds, met or not. */
export function StructurePanel() {
  const congress = useSetup((s) => s.congress);
  const delegates = useSetup((s) => s.delegates);
  const [report, setReport] = useState<StructureReportRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const congressId = congress?.id;

  const load = useCallback(async () => {
    if (congressId === undefined) return;
    const result = await api['structure.report']({ congressId });
    if (result.ok) setReport(result.value);
    else setProblem(result.error.message);
  }, [congressId]);

  useEffect(() => {
    void load();
  }, [load, delegates, congress?.structureTargets]);

  if (!congress) return null;
  return (
    <div className="setup-panel">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <TargetsCard targets={congress.structureTargets} congressId={congress.id} />
      {report && (
        <>
          <Button
            style={{ marginTop: 24 }}
            disabled={report.total === 0}
            onClick={() => setPrinting(true)}
          >
            打印代表结构情况（资格审查）
          </Button>
          <ReportCards report={report} />
        </>
      )}
      <PreviewDialog
        printout={printing ? { kind: 'structure', congressId: congress.id } : null}
        onClose={() => setPrinting(false)}
        onPrinted={() => undefined}
      />
    </div>
  );
}

function TargetsCard({ targets, congressId }: { targets: StructureTarget[]; congressId: number }) {
  const [form] = Form.useForm<{ targets: TargetRow[] }>();
  const [problem, setProblem] = useState<string | null>(null);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const { message } = App.useApp();

  useEffect(() => {
    form.setFieldsValue({ targets });
  }, [targets, form]);

  const save = async ({ targets: rows = [] }: { targets?: TargetRow[] }) => {
    const result = await api['congress.update']({
      congressId,
      structureTargets: rows.map(targetOf),
    });
    if (!result.ok) return setProblem(showApiError(form, result.error));
    setProblem(null);
    message.success('代表结构指标已保存');
    await useSetup.getState().refreshAll();
  };

  return (
    <Card title="本次大会的代表结构要求" className="setup-card">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} onFinish={(values) => void save(values)} disabled={!isAdmin}>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && (
                <Typography.Paragraph type="secondary">
                  尚未设置指标。按上级关于代表结构的要求添加，如“女代表 不低于 30%”。
                </Typography.Paragraph>
              )}
              {fields.map((field) => (
                <TargetFields
                  key={field.key}
                  name={field.name}
                  onRemove={() => remove(field.name)}
                />
              ))}
              {isAdmin && (
                <Space className="target-actions">
                  <Button
                    type="dashed"
                    onClick={() => add({ metric: 'women', op: '>=', percent: 30 })}
                  >
                    添加指标
                  </Button>
                  <Button type="primary" htmlType="submit">
                    保存指标
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function TargetFields({ name, onRemove }: { name: number; onRemove: () => void }) {
  const metric = Form.useWatch(['targets', name, 'metric']) as StructureMetric | undefined;
  return (
    <Space align="baseline" wrap className="target-row" style={{ display: 'flex' }}>
      <Form.Item name={[name, 'metric']} rules={[{ required: true, message: '请选择指标' }]}>
        <Select options={metricOptions} style={{ width: 260 }} aria-label="指标" />
      </Form.Item>
      {metric === 'age-at-most' && (
        <Form.Item
          name={[name, 'years']}
          rules={[{ required: true, message: '请输入年龄' }]}
          initialValue={35}
        >
          <InputNumber min={18} max={100} precision={0} suffix="岁及以下" aria-label="年龄" />
        </Form.Item>
      )}
      {metric === 'category' && (
        <Form.Item
          name={[name, 'category']}
          rules={[{ required: true, whitespace: true, message: '请输入代表类别' }]}
        >
          <Input placeholder="代表类别，如：领导干部" aria-label="代表类别" />
        </Form.Item>
      )}
      <Form.Item name={[name, 'op']}>
        <Select
          style={{ width: 100 }}
          aria-label="比较"
          options={[
            { value: '>=', label: '不低于' },
            { value: '<=', label: '不超过' },
          ]}
        />
      </Form.Item>
      <Form.Item name={[name, 'percent']} rules={[{ required: true, message: '请输入比例' }]}>
        <InputNumber min={0} max={100} precision={2} suffix="%" aria-label="比例" />
      </Form.Item>
      <Button onClick={onRemove}>删除</Button>
    </Space>
  );
}

function ReportCards({ report }: { report: StructureReportRecord }) {
  return (
    <>
      <Card
        title={`代表结构（按大会召开日 ${report.asOf} 计算，共 ${report.total} 名代表）`}
        className="setup-card"
        style={{ marginTop: 24 }}
      >
        {report.targets.length > 0 && (
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={report.targets}
            style={{ marginBottom: 16 }}
            columns={[
              { title: '指标', dataIndex: 'label' },
              { title: '人数', dataIndex: 'count', width: 80 },
              {
                title: '结论',
                key: 'met',
                width: 100,
                render: (_v, t) =>
                  t.met ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>,
              },
              { title: '说明', dataIndex: 'sentence' },
            ]}
          />
        )}
        {report.unrecognisedEducation.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`以下学历无法归类，请在名册中改正：${report.unrecognisedEducation.join('、')}`}
          />
        )}
        <Row gutter={[24, 24]}>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="性别" tally={report.gender} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable
              title="民族"
              total={report.total}
              tally={[
                { label: '汉族', count: report.ethnicity.han },
                ...report.ethnicity.minorities,
                ...(report.ethnicity.unknown > 0
                  ? [{ label: '未填', count: report.ethnicity.unknown }]
                  : []),
              ]}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable
              title={`年龄${report.age.averageAge === null ? '' : `（平均 ${report.age.averageAge} 岁）`}`}
              total={report.total}
              tally={[
                ...report.age.bands,
                ...(report.age.unknown > 0 ? [{ label: '未填', count: report.age.unknown }] : []),
              ]}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="学历" tally={report.education} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="代表类别" tally={report.category} total={report.total} />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <TallyTable title="选举单位" tally={report.unit} total={report.total} />
          </Col>
        </Row>
      </Card>
    </>
  );
}

function TallyTable({
  title,
  tally,
  total,
}: {
  title: string;
  tally: StructureTally[];
  total: number;
}) {
  return (
    <Table<StructureTally>
      size="small"
      bordered
      pagination={false}
      rowKey="label"
      title={() => <strong>{title}</strong>}
      dataSource={tally}
      columns={[
        { title: '分类', dataIndex: 'label' },
        { title: '人数', dataIndex: 'count', width: 70, align: 'right' },
        {
          title: '占比',
          key: 'share',
          width: 80,
          align: 'right',
          render: (_v, t) => (total === 0 ? '—' : `${((1000 * t.count) / total / 10).toFixed(1)}%`),
        },
      ]}
    />
  );
}
