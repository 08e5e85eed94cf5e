import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';

/**
 * The check-in link as a QR code, drawn in the browser. `data-url` carries the link itself, for
 * whoever cannot scan (and for tests).
 */
export function CheckinQr({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 720 })
      .then((data) => current && setSrc(data))
      .catch(() => current && setSrc(null));
    return () => {
      current = false;
    };
  }, [url]);
  return <div className="cx-qr">{src && <img src={src} alt={alt} data-testid="checkin-qr" data-url={url} />}</div>;
}
