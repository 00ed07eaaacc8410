-- A Chats account is the pair (label, audience): a backend's token's subject and issuer, or a user's login and
-- the account audience. It was stored as the text label.audience, which two pairs can share (label a of the
-- audience b.c, and a.b of c, are both a.b.c). It is now stored as the label's length, a colon, then
-- label.audience (AccountId.key: 1:a.b.c and 3:a.b.c), which tells every pair apart. A row stored before was
-- read with the label ending at the first dot, so that is the pair it keeps.
update chat_events
   set created_by = cast(position('.' in created_by) - 1 as varchar(3)) || ':' || created_by;

-- The keys of chat events (Idempotency-Key) are scoped "chat:<chat uuid>:<account>": the account, from the
-- 43rd character on, takes the same form, so a retry across the upgrade still finds its first answer.
update idempotency_keys
   set scope = substring(scope from 1 for 42)
               || cast(position('.' in substring(scope from 43)) - 1 as varchar(3)) || ':'
               || substring(scope from 43)
 where scope like 'chat:%';
