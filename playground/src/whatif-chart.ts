// The what-if panel's charts: ECharts' core with only the bar chart, its grid, legend and tooltip,
// and the SVG renderer (a chunk of its own, loaded with the first attribution shown).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
