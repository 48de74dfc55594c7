import { Alert, App, Button, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Printout, PrintoutPreview } from '../../../shared/api/printouts';
import { api } from '../../api';
import { useSession } from '../../stores/session';
import { downloadBase64 } from './files';

/**
 * The printout as it will come out: the same HTML the PDF is printed from, in a sandboxed frame
 * (no script, no way out), with 保存为 PDF for the administrator.
 */
export function PreviewDialog(props: {
  printout: Printout | null;
  onClose: () => void;
  onPrinted: () => void;
}) {
  const [preview, setPreview] = useState<PrintoutPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const { message } = App.useApp();
  const { printout } = props;

  useEffect(() => {
    setPreview(null);
    setProblem(null);
    if (!printout) return;
    let current = true;
    void api['printouts.preview'](printout).then((result) => {
      if (!current) return;
      if (result.ok) setPreview(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [printout]);

  const save = async () => {
    if (!printout) return;
    setPrinting(true);
    const result = await api['printouts.pdf'](printout);
    setPrinting(false);
    if (!result.ok) return setProblem(result.error.message);
    downloadBase64(result.value.pdf, result.value.fileName, 'application/pdf');
    message.success(
      result.value.roundState === 'printed'
        ? `已生成 ${result.value.fileName}，本轮选票已标记为“已印制”`
        : `已生成 ${result.value.fileName}`,
    );
    props.onPrinted();
    props.onClose();
  };

  return (
    <Modal
      title={preview?.title ?? '打印预览'}
      open={printout !== null}
      width={920}
      onCancel={props.onClose}
      footer={
        <Space>
          <Button onClick={props.onClose}>关闭</Button>
          {isAdmin && (
            <Button
              type="primary"
              loading={printing}
              disabled={!preview}
              onClick={() => void save()}
            >
              保存为 PDF
            </Button>
          )}
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {!preview && !problem && <Spin description="正在生成预览…" />}
      {preview && (
        <iframe
          className="print-preview"
          title={`${preview.title}（预览）`}
          sandbox=""
          srcDoc={preview.html}
        />
      )}
    </Modal>
  );
}
