-- The Fundbüro's register (server/found-items): the finds the Fundbüro keeps, which the public search lists without
-- personal data, and an index of open loss reports (Verlustmeldungen) to match them with, which is never public.
-- The processes write both through the found-items job worker; the process instances keep the full records.
CREATE TABLE found_items (
  -- The Fund's Aktenzeichen, also the correlation key of its process instance's messages.
  aktenzeichen text PRIMARY KEY,
  process_instance_key text NOT NULL,
  category text NOT NULL,
  -- What the public search shows: written by the Fundbüro for the public, without the finder, contacts or the
  -- features an owner must name to prove ownership.
  public_description text NOT NULL,
  -- Coarse place for the public (district or street, no house number).
  public_place text NOT NULL,
  found_on date NOT NULL,
  -- Lower-case words of the public place and the finder's full place, for matching only (never answered).
  place_words text[] NOT NULL DEFAULT '{}',
  -- stored: in the Fundbüro, listed and matched; claimed: a loss report's owner was sent to it, the handover is
  -- pending; owner-acquired: the finder or the city became owner (§§ 973, 976, 978 BGB); handed-over: given to its
  -- owner or to the finder; disposed: auctioned, donated or destroyed (§ 979 BGB). Only stored finds are public.
  state text NOT NULL DEFAULT 'stored' CHECK (state IN ('stored', 'claimed', 'owner-acquired', 'handed-over', 'disposed')),
  -- The Aktenzeichen of the loss report whose owner claimed it, so a retried claim is the same claim.
  claimed_by text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- When the item left the Fundbüro (handed over or disposed); it left the public search before, when its state did.
  left_at timestamptz
);

CREATE INDEX found_items_stored_by_category ON found_items (category, found_on) WHERE state = 'stored';

-- Open Verlustmeldungen only: a row is deleted when the loss is matched or its storage period ends (Art. 5(1)(e)
-- DSGVO). It holds no name or contact; those stay in the loss's process instance.
CREATE TABLE loss_reports (
  aktenzeichen text PRIMARY KEY,
  process_instance_key text NOT NULL,
  category text NOT NULL,
  lost_from date NOT NULL,
  -- The last day a find still counts as a candidate: the end of the loss period plus the matching window.
  match_until date NOT NULL,
  place_words text[] NOT NULL DEFAULT '{}',
  indexed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX loss_reports_by_category ON loss_reports (category, lost_from, match_until);
