// The profile versions shipped with Shouwang (domain-rules.md §1, §7), read from the JSON files
// beside this one and checked against the schema. The database holds them and any later versions.
import ed8community from './profiles/cn-2021-community.v1.json' with { type: 'json' };
import ed9 from './profiles/cn-2022-ed9.v1.json' with { type: 'json' };
import twenty from './profiles/cn-2022-20measures.v1.json' with { type: 'json' };
import norovirus from './profiles/generic-norovirus-school.v1.json' with { type: 'json' };
import { profileVersion, type ProfileVersion } from './profile.ts';

export const BUNDLED_PROFILES: readonly ProfileVersion[] = [ed8community, ed9, twenty, norovirus].map((p) => profileVersion.parse(p));
