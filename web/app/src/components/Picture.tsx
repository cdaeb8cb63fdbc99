import { Show } from 'solid-js';

/** A guild's icon or a user's avatar, or their initials on a tinted square when they have none. */
export function Picture(props: { url: string | null; name: string; size?: 'small' | 'large' }) {
  const initials = () =>
    props.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join('');
  return (
    <Show
      when={props.url}
      fallback={
        <span class={`picture picture-${props.size ?? 'small'} picture-initials`} aria-hidden="true">
          {initials()}
        </span>
      }
    >
      {(url) => <img class={`picture picture-${props.size ?? 'small'}`} src={url()} alt="" loading="lazy" />}
    </Show>
  );
}
