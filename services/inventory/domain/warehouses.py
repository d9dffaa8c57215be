"""The warehouses and the regions they serve: the data nearest-warehouse sourcing works from (V3).

Provinces are matched by their Chinese or English name, with or without the administrative
suffix ("浙江省", "浙江", "Zhejiang" are one province), because channels write them every way.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.inventory.domain.errors import UnknownWarehouse

HOME_COUNTRY = "CN"

_EAST = {
    "上海": "shanghai", "江苏": "jiangsu", "浙江": "zhejiang", "安徽": "anhui", "福建": "fujian",
    "江西": "jiangxi", "山东": "shandong", "湖北": "hubei",
}
_SOUTH = {
    "广东": "guangdong", "广西": "guangxi", "海南": "hainan", "湖南": "hunan", "云南": "yunnan",
    "贵州": "guizhou", "四川": "sichuan", "重庆": "chongqing", "西藏": "tibet",
}
_NORTH = {
    "北京": "beijing", "天津": "tianjin", "河北": "hebei", "山西": "shanxi", "内蒙古": "inner mongolia",
    "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "河南": "henan", "陕西": "shaanxi",
    "甘肃": "gansu", "青海": "qinghai", "宁夏": "ningxia", "新疆": "xinjiang",
}
# Longest first, so "维吾尔自治区" goes before "自治区" would leave "维吾尔" behind.
_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市",
             " province", " shi", " sheng")


@dataclass(frozen=True)
class Warehouse:
    warehouse_id: str
    name: str
    city: str
    provinces: frozenset[str]
    serves_overseas: bool = False

    def serves(self, country_code: str, province: str) -> bool:
        country = (country_code or HOME_COUNTRY).upper()
        if country != HOME_COUNTRY:
            return self.serves_overseas
        return normalised_province(province) in self.provinces


def _names(provinces: dict[str, str]) -> frozenset[str]:
    return frozenset(provinces) | frozenset(provinces.values())


WAREHOUSES: tuple[Warehouse, ...] = (
    Warehouse("WH-SH", "上海仓 Shanghai warehouse", "上海", _names(_EAST), serves_overseas=True),
    Warehouse("WH-GZ", "广州仓 Guangzhou warehouse", "广州", _names(_SOUTH)),
    Warehouse("WH-BJ", "北京仓 Beijing warehouse", "北京", _names(_NORTH)),
)
WAREHOUSE_IDS: tuple[str, ...] = tuple(w.warehouse_id for w in WAREHOUSES)


def normalised_province(province: str) -> str:
    name = province.strip().lower()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def warehouse(warehouse_id: str) -> Warehouse:
    for candidate in WAREHOUSES:
        if candidate.warehouse_id == warehouse_id:
            return candidate
    raise UnknownWarehouse(warehouse_id)


def check_warehouse(warehouse_id: str) -> str:
    return warehouse(warehouse_id).warehouse_id


def region_warehouse(country_code: str, province: str) -> str | None:
    """The warehouse whose region holds the address, or None when no region covers it."""
    for candidate in WAREHOUSES:
        if candidate.serves(country_code, province):
            return candidate.warehouse_id
    return None
