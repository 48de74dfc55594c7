import { Alert, App, Button, Descriptions, Modal, Radio, Space, Table, Tag } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { DelegateInput, RosterLine, RosterReview } from '../../../shared/api/delegates';
import { api } from '../../api';
import { useSetup } from '../../stores/setup';
import { DelegateDialog } from './DelegateDialog';
import { fileToBase64 } from './files';

/** Kept in step with the service's cap (shared/api/delegates.ts), to refuse before uploading. */
const maxBytes = 5 * 1024 * 1024;

interface Pending {
  fileName: string;
  content: string;
  fixes: { line: number; delegate: DelegateInput }[];
  review: RosterReview;
}

/**
 * 导入名册: pick the file, read the row report, correct lines or not, then accept. Nothing is
 * written before the operator presses 导入; with errors left, they are asked to leave those out.
 */
export function RosterImport({ congressId }: { congressId: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reading, setReading] = useState(false);
  const { message, modal } = App.useApp();

  const choose = async (file: File) => {
    if (file.size > maxBytes) {
      message.error(
        `名册文件“${file.name}”过大（${(file.size / 1048576).toFixed(1)} MB），最多 5 MB；请检查是否选错了文件`,
      );
      return;
    }
    setReading(true);
    const content = await fileToBase64(file);
    const result = await api['roster.preview']({ congressId, fileName: file.name, content });
    setReading(false);
    if (!result.ok) {
      modal.error({
        title: `无法导入“${file.name}”`,
        content: result.error.message,
        okText: '知道了',
      });
      return;
    }
    setPending({ fileName: file.name, content, fixes: [], review: result.value });
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,.txt"
        hidden
        data-testid="roster-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void choose(file);
        }}
      />
      <Button type="primary" loading={reading} onClick={() => input.current?.click()}>
        导入名册（CSV / Excel）
      </Button>
      {pending && (
        <ReviewDialog
          congressId={congressId}
          pending={pending}
          onChange={setPending}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}

function ReviewDialog(props: {
  congressId: number;
  pending: Pending;
  onChange: (pending: Pending) => void;
  onClose: () => void;
}) {
  const { pending } = props;
  const { review } = pending;
  const [fixing, setFixing] = useState<RosterLine | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(
    review.summary.errors + review.summary.warnings > 0,
  );
  const [busy, setBusy] = useState(false);
  const delegates = useSetup((s) => s.delegates);
  const units = useMemo(
    () => [...new Set(delegates.map((d) => d.unit).filter(Boolean))],
    [delegates],
  );
  const { message, modal } = App.useApp();
  const { summary } = review;
  const file = {
    congressId: props.congressId,
    fileName: pending.fileName,
    content: pending.content,
  };

  const saveFix = async (line: number, delegate: DelegateInput) => {
    const fixes = [...pending.fixes.filter((f) => f.line !== line), { line, delegate }];
    const result = await api['roster.preview']({ ...file, fixes });
    if (!result.ok) return result.error;
    props.onChange({ ...pending, fixes, review: result.value });
    setFixing(null);
    const fixed = result.value.lines.find((l) => l.line === line);
    if (fixed?.status === 'fixed') message.success(`第 ${line} 行已修正，导入时按修正后的内容写入`);
    return null;
  };

  const accept = async () => {
    let mode: 'all' | 'valid-only' = 'all';
    if (summary.errors > 0) {
      const lines = review.lines.filter((l) => l.status === 'error').map((l) => l.line);
      const agreed = await modal.confirm({
        title: `有 ${summary.errors} 行有错误`,
        content: `第 ${lines.join('、')} 行有错误，不能导入。是否只导入其余 ${summary.importable} 行？也可以先点“修正”改正这些行，或改好文件后重新导入。`,
        okText: `只导入无误的 ${summary.importable} 行`,
        cancelText: '返回修正',
      });
      if (!agreed) return;
      mode = 'valid-only';
    }
    setBusy(true);
    const result = await api['roster.import']({ ...file, fixes: pending.fixes, mode });
    setBusy(false);
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    const { created, updated, unchanged, skipped } = result.value;
    const left = skipped.length > 0 ? `；未导入第 ${skipped.join('、')} 行` : '';
    message.success(
      `名册已导入：新增 ${created} 人，更新 ${updated} 人，无变化 ${unchanged} 人${left}`,
    );
    await useSetup.getState().refreshAll();
    props.onClose();
  };

  const lines = onlyProblems ? review.lines.filter((l) => l.status !== 'ok') : review.lines;
  return (
    <Modal
      title={`导入名册：${pending.fileName}`}
      open
      width={1160}
      onCancel={props.onClose}
      footer={
        <Space>
          <Button onClick={props.onClose}>取消（不导入）</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={summary.importable === 0}
            onClick={() => void accept()}
          >
            导入 {summary.importable} 行
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          {
            key: 'format',
            label: '文件格式',
            children: review.format === 'xlsx' ? 'Excel 工作簿' : `CSV（${review.encoding ?? ''}）`,
          },
          { key: 'header', label: '表头', children: `第 ${review.headerLine} 行` },
          { key: 'lines', label: '代表数据', children: `${summary.lines} 行` },
          {
            key: 'import',
            label: '可导入',
            children: `${summary.importable} 行：新增 ${summary.created}，更新 ${summary.updated}，无变化 ${summary.unchanged}`,
            span: 2,
          },
          {
            key: 'problems',
            label: '问题',
            children: (
              <Space size={4} wrap>
                <Tag color={summary.errors > 0 ? 'red' : 'default'}>错误 {summary.errors} 行</Tag>
                <Tag color={summary.warnings > 0 ? 'orange' : 'default'}>
                  提示 {summary.warnings} 行
                </Tag>
                {summary.fixed > 0 && <Tag color="blue">已修正 {summary.fixed} 行</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {summary.notInFile > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={`名册中另有 ${summary.notInFile} 名代表不在本文件中，导入后保持不变（如需删除，请在名册中逐一删除）。`}
        />
      )}
      {review.notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="关于这个文件"
          description={
            <ul className="plain-list">
              {review.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="panel-toolbar" style={{ marginTop: 16 }}>
        <strong>逐行检查结果</strong>
        <Radio.Group
          value={onlyProblems}
          onChange={(event) => setOnlyProblems(event.target.value as boolean)}
          optionType="button"
          options={[
            { value: true, label: '只看有问题的行' },
            { value: false, label: `全部 ${summary.lines} 行` },
          ]}
        />
      </div>
      <Table<RosterLine>
        rowKey="line"
        size="small"
        dataSource={lines}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content', y: 360 }}
        locale={{ emptyText: '没有发现问题' }}
        rowClassName={(line) => `roster-line-${line.status}`}
        columns={[
          { title: '行', dataIndex: 'line', width: 56, fixed: 'left' },
          {
            title: '状态',
            key: 'status',
            width: 84,
            render: (_v, line) => <LineStatus line={line} />,
          },
          ...review.headers.map((header, i) => ({
            title: header,
            key: `c${i}`,
            render: (_v: unknown, line: RosterLine) => line.cells[i],
          })),
          {
            title: '问题（列：原因）',
            key: 'reasons',
            width: 340,
            render: (_v, line) => line.reasons.join('；'),
          },
          {
            title: '操作',
            key: 'fix',
            fixed: 'right',
            width: 76,
            render: (_v, line) =>
              line.status !== 'ok' && (
                <Button
                  size="small"
                  onClick={() => setFixing(line)}
                  aria-label={`修正第 ${line.line} 行`}
                >
                  修正
                </Button>
              ),
          },
        ]}
      />
      <DelegateDialog
        name="roster-fix"
        title={fixing ? `修正第 ${fixing.line} 行` : '修正'}
        okText="保存修正"
        open={fixing !== null}
        initial={fixing?.delegate ?? null}
        reasons={fixing?.reasons ?? []}
        units={units}
        save={(delegate) => (fixing ? saveFix(fixing.line, delegate) : Promise.resolve(null))}
        onClose={() => setFixing(null)}
      />
    </Modal>
  );
}

function LineStatus({ line }: { line: RosterLine }) {
  switch (line.status) {
    case 'ok':
      return line.change === 'unchanged' ? (
        <Tag>无变化</Tag>
      ) : (
        <Tag color="green">{line.change === 'updated' ? '更新' : '新增'}</Tag>
      );
    case 'warning':
      return <Tag color="orange">提示</Tag>;
    case 'error':
      return <Tag color="red">错误</Tag>;
    case 'fixed':
      return <Tag color="blue">已修正</Tag>;
  }
}
