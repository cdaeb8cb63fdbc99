/** Move up and Remove for one item of an ordered list the editors keep (labels, categories). */
export function OrderButtons(props: {
  index: number;
  removeLabel: string;
  onMoveUp: () => void;
  onRemove: () => void;
}) {
  return (
    <>
      <button type="button" class="button" disabled={props.index === 0} onClick={() => props.onMoveUp()}>
        Move up
      </button>
      <button type="button" class="button" onClick={() => props.onRemove()}>
        {props.removeLabel}
      </button>
    </>
  );
}
