// A repeated application (a double click, a reload that posts again) carries the idempotency key of the
// first. submitApplication answers it with the first receipt, but the page form's files are stored while the
// form is read — before submitApplication runs — so the page looks the key up first, as soon as it has arrived
// and before the first file would be stored, and then stores nothing.
//
// Two posts of one key racing on the same node are put in line: the second waits until the first has finished
// (its case exists, or it failed) and only then asks. Posts racing on two nodes are not; the database's unique
// key still gives them one case, and the loser's uploads stay unattached uploads of the applicant.

const inFlight = new Map<string, Promise<void>>();

/**
 * Waits until no other post of this applicant's key is being handled on this node, then holds the key;
 * resolves to the function that lets the next one in (call it exactly once, in a finally).
 */
export async function holdSubmission(applicantUserId: string, idempotencyKey: string): Promise<() => void> {
  const name = `${applicantUserId}\u0000${idempotencyKey}`;
  for (;;) {
    const earlier = inFlight.get(name);
    if (!earlier) break;
    await earlier;
  }
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  inFlight.set(name, held);
  return () => {
    if (inFlight.get(name) === held) inFlight.delete(name);
    release();
  };
}
