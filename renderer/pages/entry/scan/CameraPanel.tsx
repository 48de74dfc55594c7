import { Alert, Button, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { cameraWords, FrameGate, grayOf, look, LOOK_SIDE, type CameraState } from './camera-frames';
import { submitFrame, submittedWords } from './intake';
import './camera-panel.css';

/** How often the picture is looked at. */
const LOOK_MS = 250;
const JPEG_QUALITY = 0.92;

/**
 * 高拍仪 or webcam through the window's own camera: the picture on screen, and a frame taken by
 * itself whenever a ballot lies still with its four registration marks in view.
 */
export function CameraPanel(props: {
  boxId: number;
  onTaken: (words: string) => void;
  onClose: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [state, setState] = useState<CameraState>('no-sheet');
  const [problem, setProblem] = useState<string | null>(null);
  const [taken, setTaken] = useState(0);
  const { boxId, onTaken } = props;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    const open = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: {
            ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
            width: { ideal: 3264 },
            height: { ideal: 2448 },
          },
          audio: false,
        });
        if (stopped) return stream.getTracks().forEach((t) => t.stop());
        if (video.current) {
          video.current.srcObject = stream;
          await video.current.play();
        }
        const all = await navigator.mediaDevices.enumerateDevices();
        setDevices(all.filter((d) => d.kind === 'videoinput'));
        setProblem(null);
      } catch (error) {
        setProblem(cameraProblem(error));
      }
    };
    void open();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [deviceId]);

  useEffect(() => {
    const gate = new FrameGate();
    const small = document.createElement('canvas');
    let sending = false;
    const timer = window.setInterval(() => {
      const v = video.current;
      if (!v || v.videoWidth === 0 || sending) return;
      const scale = LOOK_SIDE / Math.max(v.videoWidth, v.videoHeight);
      small.width = Math.round(v.videoWidth * scale);
      small.height = Math.round(v.videoHeight * scale);
      const ctx = small.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, small.width, small.height);
      const pixels = ctx.getImageData(0, 0, small.width, small.height);
      const next = gate.next(look(grayOf(pixels.data, small.width, small.height)));
      setState(next);
      if (next !== 'take') return;
      sending = true;
      void takeFrame(v).then(async (jpeg) => {
        const sent = jpeg ? await submitFrame(boxId, jpeg) : null;
        sending = false;
        if (!sent) return setProblem('未能从摄像头取得画面，请重试');
        if (sent.problem) return setProblem(sent.problem);
        setTaken((t) => t + 1);
        onTaken(submittedWords(sent));
      });
    }, LOOK_MS);
    return () => window.clearInterval(timer);
  }, [boxId, onTaken]);

  return (
    <div
      className="camera-panel"
      role="dialog"
      aria-label="高拍仪 / 摄像头"
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <div className="camera-head">
        <strong>高拍仪 / 摄像头</strong>
        {devices.length > 1 && (
          <Select
            size="small"
            style={{ width: 240 }}
            value={deviceId ?? devices[0]?.deviceId}
            onChange={setDeviceId}
            options={devices.map((d, i) => ({
              value: d.deviceId,
              label: d.label || `摄像头 ${i + 1}`,
            }))}
            aria-label="选择摄像头"
          />
        )}
        <span className="camera-taken">已拍摄 {taken} 张</span>
        <Button autoFocus onClick={props.onClose}>
          关闭摄像头（Esc）
        </Button>
      </div>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      <video ref={video} className={`camera-video ${state}`} muted playsInline />
      <div className={`camera-state ${state}`} role="status" data-testid="camera-state">
        {cameraWords[state]}
      </div>
    </div>
  );
}

/** The full picture, as the camera gives it, as a JPEG. */
function takeFrame(v: HTMLVideoElement): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = v.videoWidth;
  canvas.height = v.videoHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.drawImage(v, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return '摄像头未获准使用：请在系统设置中允许本程序使用摄像头';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return '没有找到摄像头：请连接高拍仪或摄像头后重新打开';
  }
  if (name === 'NotReadableError') return '摄像头正被其他程序占用：请关闭高拍仪自带的软件后重试';
  return `无法打开摄像头：${error instanceof Error ? error.message : String(error)}`;
}
