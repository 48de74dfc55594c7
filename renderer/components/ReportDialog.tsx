import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ResultReport } from '../../../shared/api/results';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { downloadBase64 } from '../setup/files';

/**
 * A result sheet, the 当选名单 or the congress summary: previewed from the same HTML the PDF is
 * printed from, then saved as PDF.
 */
export function ReportDialog(props: {
  report: ResultReport | null;
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
      const result = await api['results.pdf'](report);
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
          className="results-preview"
          srcDoc={html}
          sandbox=""
          data-testid="report-preview"
        />
      )}
    </Modal>
  );
}
