import { Alert, App, Button, Card, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyringEntryInfo } from '../../../shared/api/keyring';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { downloadBase64 } from '../setup/files';
import { TextField } from './TextField';
import { countyMessage, when } from './words';

const sources: Record<KeyringEntryInfo['source'], string> = {
  'key-file': '公钥文件',
  fingerprint: '密钥卡上的指纹',
  package: '结果包（已核对指纹）',
  import: '导入',
};

/**
 * 密钥登记: the keys this office trusts, each for one organiser; registered from the township's
 * public key file or the fingerprint on its key card, withdrawn with a reason, and carried to
 * another laptop as one file.
 */
export function KeyringPanel() {
  const { message } = App.useApp();
  const [entries, setEntries] = useState<KeyringEntryInfo[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const [by, setBy] = useState('');
  const importInput = useRef<HTMLInputElement>(null);
  const [withdrawing, setWithdrawing] = useState<KeyringEntryInfo | null>(null);
  const [withdrawReason, setWithdrawReason] = useState('');

  const load = useCallback(async () => {
    const result = await api['keyring.list']({});
    if (result.ok) setEntries(result.value);
    else setProblem(countyMessage(result.error));
  }, []);
  useEffect(() => void load(), [load]);

  const exportFile = async () => {
    const result = await api['keyring.export']({});
    if (!result.ok) return setProblem(countyMessage(result.error));
    const bytes = new TextEncoder().encode(result.value.content);
    downloadBase64(btoa(String.fromCharCode(...bytes)), result.value.fileName, 'application/json');
  };

  const importFile = async (file: File) => {
    setProblem(null);
    const result = await api['keyring.import']({ content: await file.text(), by });
    if (!result.ok) return setProblem(countyMessage(result.error));
    const { added, withdrawn, unchanged } = result.value;
    message.success(`已导入：新增 ${added} 条，撤销 ${withdrawn} 条，${unchanged} 条本机已有`);
    await load();
  };

  const withdraw = async (entry: KeyringEntryInfo) => {
    setProblem(null);
    const result = await api['keyring.withdraw']({ id: entry.id, by, reason: withdrawReason });
    setWithdrawing(null);
    if (!result.ok) return setProblem(countyMessage(result.error));
    setWithdrawReason('');
    await load();
  };

  return (
    <div className="export-panel">
      <Card size="small" title="密钥登记">
        <Typography.Paragraph type="secondary">
          大会之前，登记每个乡镇签名密钥的公钥文件（U
          盘送来）或密钥卡上打印的指纹，并写明它属于哪个主办单位：与结果包中写的主办单位一字不差（大会没有填写主办单位的，填大会名称）。
          核验时按此查找签名者；一把密钥只为登记它的单位作证。每次登记、撤销、导入都记入审计日志。
        </Typography.Paragraph>
        <Space wrap>
          <TextField label="经办人" value={by} onChange={setBy} width={160} />
          <Button onClick={() => run(exportFile)}>导出密钥登记文件</Button>
          <Button onClick={() => importInput.current?.click()}>导入密钥登记文件</Button>
          <input
            ref={importInput}
            type="file"
            accept=".json"
            hidden
            data-testid="keyring-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) run(() => importFile(file));
              e.target.value = '';
            }}
          />
        </Space>
      </Card>
      <AddKey by={by} onAdded={load} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={entries}
        data-testid="keyring-table"
        columns={[
          { title: '主办单位', dataIndex: 'organiser' },
          {
            title: '公钥指纹',
            render: (_v, e) => <code style={{ whiteSpace: 'nowrap' }}>{e.fingerprint}</code>,
          },
          { title: '来源', render: (_v, e) => sources[e.source] },
          { title: '登记', render: (_v, e) => `${e.registeredBy}，${when(e.registeredAt)}` },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '状态',
            render: (_v, e) =>
              e.withdrawn ? (
                <Tag color="default">已撤销：{e.withdrawn.reason}</Tag>
              ) : (
                <Space>
                  <Tag color="green">有效</Tag>
                  <Button size="small" onClick={() => setWithdrawing(e)}>
                    撤销
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={withdrawing !== null}
        title={`撤销“${withdrawing?.organiser ?? ''}”的密钥 ${withdrawing?.fingerprint ?? ''}`}
        okText="撤销"
        confirmLoading={busy}
        onCancel={() => setWithdrawing(null)}
        onOk={() => withdrawing && run(() => withdraw(withdrawing))}
      >
        <Typography.Paragraph>撤销后，此密钥签名的结果包不再算通过。</Typography.Paragraph>
        <Input
          value={withdrawReason}
          onChange={(e) => setWithdrawReason(e.target.value)}
          placeholder="原因，如：该镇电脑丢失"
          aria-label="撤销原因"
        />
      </Modal>
    </div>
  );
}

function AddKey({ by, onAdded }: { by: string; onAdded: () => Promise<void> }) {
  const [organiser, setOrganiser] = useState('');
  const [kind, setKind] = useState<'key-file' | 'fingerprint'>('key-file');
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  const add = async () => {
    setProblem(null);
    if (kind === 'key-file' && !file) return setProblem('请选择乡镇交来的公钥文件');
    const source =
      kind === 'key-file' ? { kind, content: (await file?.text()) ?? '' } : { kind, fingerprint };
    const result = await api['keyring.register']({ organiser, source, by, reason });
    if (!result.ok) return setProblem(countyMessage(result.error));
    setOrganiser('');
    setFingerprint('');
    setReason('');
    await onAdded();
  };

  return (
    <Card size="small" title="登记密钥">
      <Space direction="vertical" style={{ width: '100%' }}>
        <TextField label="主办单位" value={organiser} onChange={setOrganiser} width={320} />
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <Radio value="key-file">公钥文件</Radio>
          <Radio value="fingerprint">密钥卡上的指纹</Radio>
        </Radio.Group>
        {kind === 'key-file' ? (
          <input
            type="file"
            accept=".json,.pem"
            data-testid="keyring-key-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        ) : (
          <TextField
            label="公钥指纹"
            value={fingerprint}
            onChange={setFingerprint}
            width={280}
            placeholder="3F2A 9C01 77B4 E0D2 51AA"
          />
        )}
        <TextField
          label="登记原因"
          value={reason}
          onChange={setReason}
          width={400}
          placeholder="如：大会前由镇党委送来"
        />
        {problem && <Alert type="error" showIcon title={problem} />}
        <Button type="primary" loading={busy} onClick={() => run(add)}>
          登记密钥
        </Button>
      </Space>
    </Card>
  );
}
