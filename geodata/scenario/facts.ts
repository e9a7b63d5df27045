// The public record the outbreak scenario is shaped on (domain-rules.md §3.4): the notice of
// 2022-06-07 sealed 大社镇 as a whole, put 8 compounds/villages under 管控 and the rest of the
// district under 防范. Which township each of the 8 lies in is not in the record; the generator
// places them in the seats and next to 大社镇 (synthetic placement, see README).

export const SEALED_TOWNSHIP = '大社镇';

export interface ControlledPlace {
  name: string;
  kind: 'compound' | 'village';
  /** Township to place it in (synthetic choice). */
  town: string;
  /** Put the compound by this mine (its name says so). */
  mine?: string;
  /** Put the compound on a street of this name. */
  street?: string;
  /** Put the compound on the river bank (水岸). */
  riverside?: boolean;
}

export const CONTROLLED: readonly ControlledPlace[] = [
  { name: '宇苑百合', kind: 'compound', town: '滏阳东路街道' },
  { name: '中央公园1期', kind: 'compound', town: '滏阳东路街道' },
  { name: '水岸名都东区', kind: 'compound', town: '临水镇', riverside: true },
  { name: '南头村', kind: 'village', town: '峰峰镇' },
  { name: '一矿通顺佳苑', kind: 'compound', town: '峰峰镇', mine: '一矿' },
  { name: '通山路通北小区', kind: 'compound', town: '峰峰镇', street: '通山路' },
  { name: '五矿北小区', kind: 'compound', town: '新坡镇', mine: '五矿' },
  { name: '后西佐村', kind: 'village', town: '义井镇' },
];

/** Time-slot groups of the 6-09 and 6-12 NAT rounds (05:00–10:00 for these, 17:00–22:00 for the rest). */
export const MORNING_NAT_TOWNSHIPS = ['临水镇', '滏阳东路街道', '彭城镇', '峰峰镇'];
