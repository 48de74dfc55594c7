import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Printout, PrintoutPdf, PrintoutPreview } from '../../shared/api/printouts';
import { api } from '../api';
import { downloadBase64 } from '../pages/setup/files';
import { useBusy } from './useBusy';
import './report-dialog.css';

/**
 * A printout previewed from the same HTML the PDF is printed from, in a sandboxed frame (no
 * script, no way out), then saved as PDF: a report of the count (the 分发/收回选票情况报告单, a
 * result sheet, the 当选名单, the summary), or a set-up printout (ballots, sign-in sheets, cards).
 */
export function ReportDialog(props: {
  report: Printout | null;
  /** The dialog's title; without one, the title the printout gives itself. */
  title?: string;
  /** The words on the save button. */
  saveLabel?: string;
  /** False leaves the save button out, for someone who may only look. */
  canSave?: boolean;
  /** After the PDF is saved. */
  onSaved?: (pdf: PrintoutPdf) => void;
  onClose: () => void;
}) {
  const { report, onSaved, canSave = true } = props;
  const [preview, setPreview] = useState<PrintoutPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const title = props.title ?? preview?.title ?? '打印预览';

  useEffect(() => {
    setPreview(null);
    setProblem(null);
    if (!report) return;
    let current = true;
    void api['printouts.preview'](report).then((result) => {
      if (!current) return;
      if (result.ok) setPreview(result.value);
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
      onSaved?.(result.value);
    });

  return (
    <Modal
      open={report !== null}
      title={title}
      width={920}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        canSave && (
          <Button
            key="pdf"
            type="primary"
            loading={busy}
            disabled={preview === null}
            onClick={save}
          >
            {props.saveLabel ?? '保存为 PDF 打印'}
          </Button>
        ),
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {preview === null && !problem && <Spin description="正在生成预览…" />}
      {preview !== null && (
        <iframe
          title={`${title}（预览）`}
          className="report-preview"
          srcDoc={preview.html}
          sandbox=""
          data-testid="sheet-preview"
        />
      )}
    </Modal>
  );
}
