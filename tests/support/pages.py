"""Small pages shared by several test modules."""

#: A wire story (新华社) set in a wide column, with letterspaced names in its dateline.
WIRE = """新华社上海6月27日电（记者 侯 缜）
记者27日从上海市交通委员会获悉，上海至南京至合肥高速铁路上海段日前已经正式开工建设，
线路全长约五百五十公里，设计时速三百五十公里。

据介绍，该线路建成后，上海至南京的旅行时间将进一步缩短，沿线各城市之间的联系将更
加紧密，对推动长三角一体化高质量发展、完善区域综合交通运输网络具有十分重要的现实意义
和深远的历史意义。
"""
