import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Printout } from '../../shared/api/printouts';
import { api } from '../api';
import { downloadBase64 } from '../pages/setup/files';
import { useBusy } from './useBusy';
import './report-dialog.css';

/**
 * A report of the count (the 分发/收回选票情况报告单, a result sheet, the 当选名单, the summary):
 * previewed from the same HTML the PDF is printed from, then saved as PDF.
 */
export function ReportDialog(props: {
  report: Printout | null;
  title: string;
  onClose: () => void;
}) {
  const { report } = props;
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  useEffect(() => {
    setHtml(null);
    setProblem(null);
    if (!report) return;
    let current = true;
    void api['printouts.preview'](report).then((result) => {
      if (!current) return;
      if (result.ok) setHtml(result.value.html);
      else setProblem(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [report]);

  const save = () =>
    run(async () => {
      if (!report) return;
      const result = await api['printouts.pdf'](report);
      if (!result.ok) return setProblem(result.error.message);
      downloadBase64(result.value.pdf, result.value.fileName, 'application/pdf');
    });

  return (
    <Modal
      open={report !== null}
      title={props.title}
      width={920}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        <Button key="pdf" type="primary" loading={busy} disabled={html === null} onClick={save}>
          保存为 PDF 打印
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {html === null && !problem && <Spin description="正在生成预览…" />}
      {html !== null && (
        <iframe
          title={`${props.title}（预览）`}
          className="report-preview"
          srcDoc={html}
          sandbox=""
          data-testid="sheet-preview"
        />
      )}
    </Modal>
  );
}
