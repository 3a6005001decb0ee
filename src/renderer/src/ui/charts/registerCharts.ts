import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, BoxplotChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts'
import * as components from 'echarts/components'

// Only the chart types and components the screens use (keeps the bundle small); keep in
// step with ChartOption in chartBase.ts. Named imports of echarts/components tree-shake
// like separate ones: the bundler keeps only the members read here.
use([CanvasRenderer, BarChart, BoxplotChart, GaugeChart, HeatmapChart, LineChart])
use([
  components.GridComponent,
  components.LegendComponent,
  components.MarkLineComponent,
  components.TitleComponent,
  components.TooltipComponent,
  components.VisualMapComponent
])
