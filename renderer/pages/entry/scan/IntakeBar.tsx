import { Button, Input, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import type { ScanSheets } from '../../../../shared/api/scan';
import { api } from '../../../api';
import { acceptedFiles, submitFiles, submittedWords } from './intake';
import './intake-bar.css';

/**
 * Where the sheets come from: the folder the scanner's own software saves into (watched while
 * this screen is open), files picked here or dropped on the screen, or the camera.
 */
export function IntakeBar(props: {
  boxId: number;
  watching: ScanSheets['watching'];
  onCamera: () => void;
  onResult: (words: string | null, problem: string | null) => void;
}) {
  const { boxId, watching, onResult } = props;
  const [folder, setFolder] = useState(watching?.folder ?? '');
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const watch = async () => {
    setBusy(true);
    const result = watching
      ? await api['scan.unwatch']({ boxId })
      : await api['scan.watch']({ boxId, folder });
    setBusy(false);
    if (!result.ok) return onResult(null, result.error.message);
    onResult(
      result.value.folder
        ? `正在监视 ${result.value.folder}：扫描仪存入的新文件会依次读入`
        : '已停止监视文件夹',
      null,
    );
  };

  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    const sent = await submitFiles(boxId, [...files]);
    setBusy(false);
    if (picker.current) picker.current.value = '';
    onResult(sent.pages > 0 ? submittedWords(sent) : null, sent.problem);
  };

  return (
    <div className="intake-bar" aria-label="扫描来源">
      <Space.Compact className="intake-folder">
        <Input
          value={watching?.folder ?? folder}
          onChange={(e) => setFolder(e.target.value)}
          disabled={watching !== null}
          placeholder="扫描仪保存文件的文件夹，如 D:\扫描\票箱1"
          aria-label="扫描文件夹"
          onPressEnter={() => void watch()}
        />
        <Button onClick={() => void watch()} loading={busy} type={watching ? 'default' : 'primary'}>
          {watching ? '停止监视' : '监视文件夹'}
        </Button>
      </Space.Compact>
      {watching && (
        <Tag color={watching.problem ? 'orange' : 'blue'} data-testid="watch-status">
          已读入 {watching.taken} 个文件{watching.problem ? `；${watching.problem}` : ''}
        </Tag>
      )}
      <input
        ref={picker}
        type="file"
        multiple
        accept={acceptedFiles}
        hidden
        aria-label="选择扫描文件"
        data-testid="scan-files"
        onChange={(e) => void pick(e.target.files)}
      />
      <Button onClick={() => picker.current?.click()} disabled={busy}>
        选择文件…
      </Button>
      <Button onClick={props.onCamera}>高拍仪 / 摄像头（C）</Button>
      <span className="intake-hint">也可把扫描文件拖到本窗口</span>
    </div>
  );
}

/** Files dropped anywhere on the desk go in as if picked. */
export async function dropped(
  boxId: number,
  files: FileList,
  onResult: (words: string | null, problem: string | null) => void,
): Promise<void> {
  const sent = await submitFiles(boxId, [...files]);
  onResult(sent.pages > 0 ? submittedWords(sent) : null, sent.problem);
}
