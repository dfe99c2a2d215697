// The folder picker of the Save and Import dialogs: General ("Dashboards") and every folder by
// title, as Grafana's folder picker offers. The list is asked fresh each time a dialog opens (a
// folder made in another tab shows); until it comes, the folder already chosen is an option so
// the choice shows from the start. A list that cannot be had is said, and General still works.
import { listFolders } from '../../api/server.ts';
import { useQuery } from '../../query/use-queries.ts';

interface Props {
  /** '' for General. */
  value: string;
  onChange: (folderUid: string) => void;
  /** The label's class in the dialog's own sheet ('field' in the editor forms). */
  class?: string;
}

export function FolderSelect({ value, onChange, class: cls = 'field' }: Props) {
  const folders = useQuery({
    queryKey: ['folders'],
    queryFn: ({ signal }) => listFolders(signal),
    staleTime: 0,
  });
  return (
    <>
      <label class={cls}>
        <span>Folder</span>
        <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">Dashboards (General)</option>
          {(folders.data ?? [])
            .slice()
            .sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }))
            .map((f) => (
              <option key={f.uid} value={f.uid}>
                {f.title}
              </option>
            ))}
          {value && !folders.data && <option value={value}>{value}</option>}
        </select>
      </label>
      {folders.error && (
        <p class="query-error" role="alert">
          Folders could not be listed: {folders.error.message}
        </p>
      )}
    </>
  );
}
