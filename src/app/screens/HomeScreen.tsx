/** The first screen: the working part (loaded on demand) and the four service levels. */
import { LevelCards } from '../components/LevelCards';
import { lazyScreen } from '../components/Lazy';

const HomeActivity = lazyScreen(() => import('../components/HomeActivity'));

export default function HomeScreen() {
  return (
    <>
      <HomeActivity />
      <LevelCards />
    </>
  );
}
