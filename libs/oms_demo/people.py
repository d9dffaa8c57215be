"""Realistic customers and addresses, Chinese and international, for simulated orders."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    country_code: str
    province: str
    city: str
    district: str
    postcode: str
    streets: tuple[str, ...]


CHINA = (
    Place("CN", "上海市", "上海市", "浦东新区", "200120", ("世纪大道100号", "张杨路1500号", "陆家嘴环路1000号")),
    Place("CN", "上海市", "上海市", "徐汇区", "200030", ("漕溪北路88号", "天钥桥路333号")),
    Place("CN", "浙江省", "杭州市", "西湖区", "310013", ("文三路478号", "天目山路176号")),
    Place("CN", "江苏省", "南京市", "鼓楼区", "210008", ("中山北路30号", "湖南路1号")),
    Place("CN", "广东省", "广州市", "天河区", "510620", ("天河路385号", "体育西路191号")),
    Place("CN", "广东省", "深圳市", "南山区", "518057", ("科技园南区深南大道9988号", "海德三道1187号")),
    Place("CN", "北京市", "北京市", "朝阳区", "100020", ("建国门外大街1号", "三里屯路19号")),
    Place("CN", "北京市", "北京市", "海淀区", "100080", ("中关村大街27号", "海淀大街3号")),
    Place("CN", "四川省", "成都市", "锦江区", "610021", ("春熙路北段8号", "红星路三段1号")),
    Place("CN", "湖北省", "武汉市", "江汉区", "430022", ("解放大道690号", "江汉路118号")),
    Place("CN", "山东省", "青岛市", "市南区", "266001", ("香港中路76号", "中山路67号")),
)

ABROAD = (
    Place("US", "CA", "San Francisco", "", "94105", ("535 Mission St", "1 Market St")),
    Place("DE", "BE", "Berlin", "", "10117", ("Friedrichstraße 68", "Unter den Linden 10")),
    Place("GB", "", "London", "", "EC2V 7HH", ("1 Poultry", "30 St Mary Axe")),
    Place("SG", "", "Singapore", "", "018956", ("10 Bayfront Ave", "1 Raffles Place")),
    Place("HK", "", "Hong Kong", "Central", "", ("8 Finance St", "1 Queen's Rd Central")),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳",
         "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "婷婷", "建华")
WESTERN = ("Emma Schmidt", "Liam Johnson", "Olivia Brown", "Noah Müller", "Ava Tan", "Lucas Martin", "Mia Wong")
MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "150", "151", "158", "186", "188", "177", "199")
INTERNATIONAL_PHONES = {"US": "+1415555", "DE": "+49301234", "GB": "+44207946", "SG": "+65655", "HK": "+852281"}


@dataclass(frozen=True)
class Customer:
    name: str
    phone: str
    email: str
    place: Place
    street: str


def chinese_customer(rng: random.Random) -> Customer:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    phone = rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))
    place = rng.choice(CHINA)
    return Customer(name, phone, f"user{rng.randrange(10**6):06d}@example.cn", place, rng.choice(place.streets))


def international_customer(rng: random.Random) -> Customer:
    place = rng.choice(ABROAD)
    name = rng.choice(WESTERN)
    phone = INTERNATIONAL_PHONES[place.country_code] + "".join(rng.choice("0123456789") for _ in range(4))
    email = name.lower().replace(" ", ".").replace("ü", "ue") + "@example.com"
    return Customer(name, phone, email, place, rng.choice(place.streets))
