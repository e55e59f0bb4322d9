/**
 * Article pages in the shapes real Chinese news portals, government and institutional
 * sites give them (written for this project; the text is about the fictional 江南市): a
 * site template around the article, with navigation, a breadcrumb, a sidebar list of other
 * dated articles, share buttons and a footer, and the article's own fields wherever those
 * sites put them.
 */

/** Paragraphs of our own writing, long enough to read as prose. */
export const paragraphs = [
  '12月3日上午，江南市总工会在青湖区职工服务中心举行新就业形态劳动者入会集中行动启动仪式，首批三百余名快递员、外卖送餐员和网约车司机现场填写入会申请。',
  '市总工会负责同志介绍，今年以来全市各级工会走访平台企业和站点一百二十余家，建立新就业形态劳动者工会联合会十六个，累计吸收会员一万二千余人。',
  '启动仪式上，青湖区总工会为新入会会员发放了“暖心包”，内含护膝、保温杯和应急药品，并现场开展法律咨询、健康体检等服务。',
  '下一步，市总工会将持续推进“会站家”一体化建设，把户外劳动者服务站点打造成新就业形态劳动者的“歇脚地”和“加油站”，让他们在城市里有温度、有依靠。',
]

export const bodyHtml = (ps: string[] = paragraphs) => ps.map((p) => `<p>　　${p}</p>`).join('\n')

export interface Shape {
  head?: string
  /** Between the breadcrumb and the article: headline, info bar. */
  header: string
  /** The article container's inner HTML. */
  article: string
  /** After the article container, inside the main column: credits, related reading, promos. */
  after?: string
  title?: string
}

const sidebar = `
<div class="right-col">
  <div class="box"><h3>热点新闻</h3>
    <ul>
      <li><a href="/news/2018-06/01/c_1.htm">江南市举办第三届职工技能大赛</a><span>2018-06-01</span></li>
      <li><a href="/news/2017-04/12/c_2.htm">东港区建成十个爱心驿站</a><span>2017-04-12</span></li>
      <li><a href="/news/2016-09/30/c_3.htm">劳模工作室创新成果发布</a><span>2016-09-30</span></li>
    </ul>
  </div>
</div>`

/** A whole page around the article, as a portal's template prints it. */
export const portalPage = (shape: Shape): string => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${shape.title ?? '江南职工网'}</title>
${shape.head ?? ''}
</head><body>
<div class="top-bar"><a href="/">江南职工网首页</a> | <a href="/m/">手机版</a> | <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<div class="header"><a class="logo" href="/"><img src="/images/logo.png" alt="江南职工网"></a></div>
<div class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">工会要闻</a></li><li><a href="/fw/">职工服务</a></li><li><a href="/lm/">劳模风采</a></li><li><a href="/zt/">专题</a></li></ul></div>
<div class="wrap">
  <div class="left-col">
    <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/news/">工会要闻</a> &gt; 正文</div>
    ${shape.header}
    <div class="article-body" id="detail">
${shape.article}
    </div>
    ${shape.after ?? ''}
  </div>
  ${sidebar}
</div>
<div class="footer"><p>主办：江南市总工会　版权所有 ©2012-2024　江ICP备00000000号</p><p>地址：江南市青湖区人民路1号　电话：0571-00000000</p></div>
</body></html>`
