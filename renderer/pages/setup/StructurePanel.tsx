import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  StructureMetric,
  StructureReportRecord,
  StructureTarget,
} from '../../../shared/api/structure';
import { api } from '../../api';
import { showApiError } from '../../components/form-errors';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { PreviewDialog } from './PreviewDialog';
import { ReportCards } from './StructureTables';

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
