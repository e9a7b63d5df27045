// One wording for every failure on the admin page: the server's own problem message in the UI
// language when it sent one (e.g. "用户名已存在"), else ours for the client-side codes.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../../api.ts';

export function useErrorText(): (err: unknown) => string | null {
  const { t, te, locale } = useI18n();
  return (err) => {
    if (err === null || err === undefined) return null;
    if (!(err instanceof ApiError)) return String(err instanceof Error ? err.message : err);
    if (err.localized) return err.messageFor(locale.value);
    if (te(`error.${err.code}`)) return t(`error.${err.code}`);
    return err.detail ? `${t('error.generic', { status: err.status })} ${err.detail}` : t('error.generic', { status: err.status });
  };
}
